-- When the seat path first gave a registration a seat (PENDING); null for registrations that never
-- held one (applications still waiting, declined, withdrawn or not drawn, people who only waited).
-- The charts count "took a seat" by it.
alter table registration add column seated_at timestamp(6) with time zone;

-- Registrations from before this column get the best reading of what they went through, dated at
-- their approval or sign-up (approximate). A seat now or a confirmation means a seat. Without a
-- waitlist place: a draw rank or an approval means a seat; a cancelled or expired registration held
-- one unless it was an application (a draw reference, or an event or ticket type in approval mode,
-- unless an invitation code seated it).
update registration set seated_at = coalesce(approved_at, created_at)
 where status in ('PENDING', 'CONFIRMED')
    or confirmed_at is not null
    or (waitlist_seq is null
        and (draw_rank is not null
             or approved_at is not null
             or (status in ('CANCELLED', 'EXPIRED') and reference is null
                 and (status = 'EXPIRED'
                      or exists (select 1 from invitation_code c where c.registration_id = registration.id)
                      or (not exists (select 1 from event e where e.id = registration.event_id and e.approval_required)
                          and not exists (select 1 from ticket_type t where t.id = registration.ticket_type_id
                                                                        and t.approval_required))))));
