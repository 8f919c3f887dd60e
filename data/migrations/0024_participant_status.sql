-- Where a participant stands: nominated, invited, confirmed, declined,
-- attended or no_show, with the day it was set. The figures count the
-- attended only. Participants already in a register get the status that
-- keeps their course's figures as they were: present or late on a day,
-- attended; marked but never present, no_show; on a held course without
-- any attendance recorded (where everyone counted), attended; otherwise
-- confirmed (on a course whose attendance was taken without them, they
-- did not count).
ALTER TABLE participant ADD COLUMN status TEXT NOT NULL DEFAULT 'confirmed';
ALTER TABLE participant ADD COLUMN status_on TEXT NOT NULL DEFAULT '';

UPDATE participant SET status_on = substr(updated_at, 1, 10),
    status = CASE
        WHEN EXISTS (SELECT 1 FROM attendance a WHERE a.participant_id = participant.id AND a.mark IN ('present', 'late'))
            THEN 'attended'
        WHEN EXISTS (SELECT 1 FROM attendance a WHERE a.participant_id = participant.id)
            THEN 'no_show'
        WHEN (SELECT status FROM course c WHERE c.id = participant.course_id) = 'held'
            AND NOT EXISTS (SELECT 1 FROM attendance a JOIN participant o ON o.id = a.participant_id
                WHERE o.course_id = participant.course_id AND o.archived = 0)
            THEN 'attended'
        ELSE 'confirmed'
    END;
