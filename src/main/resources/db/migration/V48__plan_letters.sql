-- Issue 20: a payment plan's letter asks to be paid with the instalment's own OCR/KID, not the invoice's; the e-mail
-- (text and "Betala med QR") that carries it must say the same. NULL: the invoice's own reference. Runs unchanged on
-- H2 and PostgreSQL; fordra_document.kind has no check constraint (VARCHAR(30) holds the new kinds).
ALTER TABLE fordra_document ADD COLUMN payment_reference VARCHAR(25);
