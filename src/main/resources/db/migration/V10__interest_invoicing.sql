-- Interest invoicing (seed 004): customers are selected for it one by one; each invoice remembers up to which day
-- its interest was invoiced, whether it is itself an interest invoice (no interest on interest), whether the
-- Swedish förseningsersättning was charged, and when nothing more can accrue.
ALTER TABLE fordra_customer ADD COLUMN interest_invoicing BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX fordra_customer_interest_ix ON fordra_customer (interest_invoicing, customer_number);

ALTER TABLE fordra_invoice ADD COLUMN interest_invoice BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE fordra_invoice ADD COLUMN interest_invoiced_through DATE;
ALTER TABLE fordra_invoice ADD COLUMN interest_done BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE fordra_invoice ADD COLUMN late_compensation_charged BOOLEAN DEFAULT FALSE NOT NULL;
-- The invoices of one customer that may still earn interest.
CREATE INDEX fordra_invoice_interest_ix ON fordra_invoice (customer_number, interest_done, due_date);
