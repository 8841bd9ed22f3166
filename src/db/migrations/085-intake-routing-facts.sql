-- The routing facts of first contact (what bpmn/routing.dmn reads) kept in the case file, not only in the engine's
-- variables: the kind of need and the art. 7 reason (urgency and district are on cases already). A process owner's
-- preview of a changed routing table replays them (src/models/model-preview.ts). NULL for intakes before this.
-- (aid_reason may exist already: 075 keeps the same reason for the reports)
ALTER TABLE intakes
  ADD COLUMN need_kind text,
  ADD COLUMN IF NOT EXISTS aid_reason text;
