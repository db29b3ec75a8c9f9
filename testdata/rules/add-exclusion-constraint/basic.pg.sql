-- EXCLUDE constraints added to existing tables build their index under ACCESS EXCLUSIVE.
ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&); -- expect: add-exclusion-constraint@22 "`bookings_no_overlap` to `bookings`"
ALTER TABLE public.bookings ADD EXCLUDE USING gist (during WITH &&) WHERE (NOT cancelled); -- expect: add-exclusion-constraint@29 "an EXCLUDE constraint to `public.bookings`"

-- Reported at the action.
ALTER TABLE reservations
  ADD COLUMN during tstzrange,
  ADD CONSTRAINT reservations_no_overlap -- expect: add-exclusion-constraint@3
    EXCLUDE USING gist (during WITH &&);
