-- The invoice list (GET /api/invoices) is newest first: ORDER BY issue_date DESC, id DESC LIMIT n. With a million
-- invoices these let it read the first n entries of an index instead of sorting every invoice of a status (or all).
CREATE INDEX fordra_invoice_status_issue_ix ON fordra_invoice (status, issue_date, id);
CREATE INDEX fordra_invoice_issue_ix ON fordra_invoice (issue_date, id);
-- A customer's invoices in the list order (replaces (customer_number, issue_date), which left id to a sort).
DROP INDEX fordra_invoice_customer_ix;
CREATE INDEX fordra_invoice_customer_ix ON fordra_invoice (customer_number, issue_date, id);
