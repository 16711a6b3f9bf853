-- The classifier's reasons (detector, route, subtype, span start and end, weight) as it sent them, a
-- JSON array: a person asked to review a classification, or to confirm a removal, sees what the
-- classifier matched and where. Comments classified before this column have none.
ALTER TABLE desk_comment ADD COLUMN reasons TEXT NOT NULL DEFAULT '[]';
