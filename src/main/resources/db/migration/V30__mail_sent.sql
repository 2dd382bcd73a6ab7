-- Mail an SMTP server has accepted, by Message-ID (io.fordra.distribution.MailSendLog). Written in its own
-- transaction as soon as the server says 250, so that a send job run again after its transaction was lost (the node
-- killed, its lock expired and another node took the job) does not send the same message a second time.
CREATE TABLE fordra_mail_sent (
    message_id            VARCHAR(300) NOT NULL PRIMARY KEY,
    accepted_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
