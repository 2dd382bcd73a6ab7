-- Import progress that only moves forward. A chunk claims its place in the file (the first line of its last invoice;
-- for payment files the position is `processed` itself) before it counts: a chunk run again (a job whose lock
-- expired, a retry) finds its place taken and counts nothing twice. progress_at is when the last chunk was counted:
-- with received_at it gives the rate and the time left that the summary shows.
ALTER TABLE fordra_invoice_file ADD COLUMN checked_up_to_line INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE fordra_invoice_file ADD COLUMN created_up_to_line INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE fordra_invoice_file ADD COLUMN progress_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE fordra_payment_file ADD COLUMN progress_at TIMESTAMP WITH TIME ZONE;

-- Who paid, as the bank file said (Match payment shows it and suggests the payer's open invoices).
ALTER TABLE fordra_payment ADD COLUMN payer_organisation_number VARCHAR(40);
ALTER TABLE fordra_payment ADD COLUMN payer_account VARCHAR(60);

-- Suggestions by amount look up open invoices by their total in a range, not by reading the invoice table.
CREATE INDEX fordra_invoice_total_ix ON fordra_invoice (total_amount, currency);
