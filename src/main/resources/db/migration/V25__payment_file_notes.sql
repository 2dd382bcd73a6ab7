-- What a payment file holds that is not booked (issue 16: nothing is dropped silently): entries kept aside for a
-- person (money that may be ours but cannot be booked: a foreign currency, an account not ours), entries skipped
-- (not an incoming payment: outgoing, not yet booked by the bank), and the reader's remarks on the file as a whole.
-- Stored when the file is received, every one of them (they are the file's content); the summary lists the first
-- ones and GET /api/payment-files/{id}/notes pages through the rest. amount: as the file gives it (4 decimals hold
-- every ISO 4217 currency's minor unit), null when it gives none or none that fits.
CREATE TABLE fordra_payment_file_note (
    payment_file_id       BIGINT        NOT NULL REFERENCES fordra_payment_file (id),
    note_number           INTEGER       NOT NULL,
    outcome               VARCHAR(10)   NOT NULL,
    location              VARCHAR(200)  NOT NULL,
    amount                NUMERIC(19, 4),
    currency              VARCHAR(3),
    bank_transaction_id   VARCHAR(100),
    reason                VARCHAR(1000) NOT NULL,
    CONSTRAINT fordra_payment_file_note_pk PRIMARY KEY (payment_file_id, note_number),
    CONSTRAINT fordra_payment_file_note_outcome_ck CHECK (outcome IN ('KEPT_ASIDE', 'SKIPPED', 'REMARK'))
);
-- The summary's counts per outcome and currency, and the entries kept aside listed first.
CREATE INDEX fordra_payment_file_note_outcome_ix ON fordra_payment_file_note (payment_file_id, outcome, note_number);

-- What a person did about the entries kept aside ("Review entries kept aside"): who, when, and their note.
ALTER TABLE fordra_payment_file ADD COLUMN kept_aside_reviewed_by VARCHAR(100);
ALTER TABLE fordra_payment_file ADD COLUMN kept_aside_reviewed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE fordra_payment_file ADD COLUMN kept_aside_review VARCHAR(2000);
