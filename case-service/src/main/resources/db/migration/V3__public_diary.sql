-- The public diary shows a private person's name nowhere: a sender is private unless the registrar
-- said otherwise (an authority or a company writing a letter). Comments are always from private persons.
ALTER TABLE register_case ADD COLUMN sender_is_private BOOLEAN NOT NULL DEFAULT TRUE;
