-- Issue 19: a debit order goes to the bank in a payment file (Autogiro TK82) and is in at most one file: the node that
-- claims it (REGISTERED -> IN_FILE, with the file's name) writes it. A withdrawn order that already went is cancelled
-- in the next file (TK23: CANCELLING -> CANCELLED). Statuses: REGISTERED, IN_FILE, DEBITED, FAILED, WITHDRAWN,
-- CANCELLING, CANCELLED.
ALTER TABLE fordra_direct_debit ADD COLUMN payer_number VARCHAR(40);
ALTER TABLE fordra_direct_debit ADD COLUMN reference VARCHAR(40);
-- The payment date the file asked the bank for (the debit date, or the first day the bank's cut-off still allows).
ALTER TABLE fordra_direct_debit ADD COLUMN file_debit_date DATE;
ALTER TABLE fordra_direct_debit ADD COLUMN file_name VARCHAR(255);
ALTER TABLE fordra_direct_debit ADD COLUMN file_written_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE fordra_direct_debit ADD COLUMN cancel_file_name VARCHAR(255);
ALTER TABLE fordra_direct_debit ADD COLUMN cancel_written_at TIMESTAMP WITH TIME ZONE;
-- Set once the order was reported waiting for an active mandate (so the event is recorded once, not every run).
ALTER TABLE fordra_direct_debit ADD COLUMN waiting_reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE fordra_direct_debit ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX fordra_direct_debit_file_ix ON fordra_direct_debit (file_name);
CREATE INDEX fordra_direct_debit_cancel_file_ix ON fordra_direct_debit (cancel_file_name);
