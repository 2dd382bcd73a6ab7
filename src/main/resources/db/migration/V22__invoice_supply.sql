-- When an invoice's goods or services were supplied, where the invoice says so (it must when that is not the issue
-- date): one day, or a period. Kept beside the invoice: most invoices have none.
CREATE TABLE fordra_invoice_supply (
    invoice_id            BIGINT       NOT NULL PRIMARY KEY REFERENCES fordra_invoice (id),
    delivery_date         DATE,
    period_from           DATE,
    period_to             DATE,
    CHECK ((delivery_date IS NOT NULL AND period_from IS NULL AND period_to IS NULL)
        OR (delivery_date IS NULL AND period_from IS NOT NULL AND period_to IS NOT NULL AND period_from <= period_to))
);

-- The invoice file's optional columns deliveryDate, periodFrom and periodTo, staged as read like the others.
ALTER TABLE fordra_invoice_file_row ADD COLUMN delivery_date VARCHAR(1000);
ALTER TABLE fordra_invoice_file_row ADD COLUMN period_from VARCHAR(1000);
ALTER TABLE fordra_invoice_file_row ADD COLUMN period_to VARCHAR(1000);
