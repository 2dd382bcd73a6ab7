-- A rendition is a letter in another format for another channel (the e-invoice's UBL beside the PDF): it belongs to
-- the same invoice, kind and step as its letter and points at it. Runs unchanged on H2 and PostgreSQL.
ALTER TABLE fordra_document ADD COLUMN rendition_of BIGINT;
ALTER TABLE fordra_document ADD CONSTRAINT fordra_document_rendition_fk
    FOREIGN KEY (rendition_of) REFERENCES fordra_document (id);
CREATE INDEX fordra_document_rendition_ix ON fordra_document (rendition_of);

-- One document per step and format: the letter and its renditions share the step but differ in media type.
ALTER TABLE fordra_document DROP CONSTRAINT fordra_document_step_uq;
ALTER TABLE fordra_document ADD CONSTRAINT fordra_document_step_uq
    UNIQUE (invoice_id, kind, sequence_number, media_type);
