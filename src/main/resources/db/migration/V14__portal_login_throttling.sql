-- Guessing a customer user's password: after fordra.portal.max-failed-logins wrong passwords in a row the user is
-- locked for fordra.portal.lockout (kept in the database, so every node of a cluster counts the same attempts).
ALTER TABLE fordra_portal_user ADD COLUMN failed_logins INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE fordra_portal_user ADD COLUMN locked_until TIMESTAMP WITH TIME ZONE;
