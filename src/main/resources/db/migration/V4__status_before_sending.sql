-- The invoice's status before a document was queued: a sending that finally fails puts it back.
ALTER TABLE fordra_document ADD COLUMN status_before VARCHAR(30);
