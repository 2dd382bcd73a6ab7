-- How often each document was handed to a channel: the same document may be sent at most three times.
ALTER TABLE fordra_document ADD COLUMN send_attempts INTEGER DEFAULT 0 NOT NULL;
