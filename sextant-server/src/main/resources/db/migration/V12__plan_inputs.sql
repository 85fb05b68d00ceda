-- What each plan was made from (the revisions it read by name and number, with their digests, the
-- requester and the time), so that `sextant audit replay` can make it again. Plans made before
-- this have none.
ALTER TABLE plans ADD COLUMN inputs TEXT;
