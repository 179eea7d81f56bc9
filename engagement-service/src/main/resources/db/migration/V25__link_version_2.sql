-- Link version 2: a link's hash also covers the event's global position and its published type, the two fields of a
-- history line that the canonical form does not hold, and the canonical form arrives as its exact bytes (a lone
-- surrogate escaped, not '?'; audit.CanonicalEvent in ledger-audit-core):
--   hash = SHA-256(prev_hash || '\n' || position || '\n' || type || '\n' || canonical form)
-- Links stored before keep version 1 (SHA-256(prev_hash || '\n' || canonical form)) and keep verifying as they were
-- hashed: rehashing them would erase the evidence the chain keeps (audit.LinkHash verifies both).
alter table event_chain add column link_version smallint not null default 1;

create or replace function link_events(p_engagement varchar, p_ids text[], p_types text[], p_canonicals text[])
    returns bigint
    language plpgsql
    set plan_cache_mode = force_generic_plan
as $$
declare
    v_seq      bigint;
    v_hash     text;
    v_prev     text;
    v_index    bigint;
    v_aggregate varchar;
    v_sequence bigint;
    v_time     varchar;
begin
    select chain_seq, hash into v_seq, v_hash from event_chain_head where engagement_id = p_engagement for update;
    if not found then
        -- the engagement's first event: its chain starts at the genesis hash
        insert into event_chain_head (engagement_id, chain_seq, hash) values (p_engagement, 0, repeat('0', 64))
        on conflict (engagement_id) do nothing;
        select chain_seq, hash into v_seq, v_hash from event_chain_head where engagement_id = p_engagement for update;
    end if;
    for i in 1 .. cardinality(p_ids) loop
        select global_index, aggregate_identifier, sequence_number, time_stamp
        into strict v_index, v_aggregate, v_sequence, v_time
        from domain_event_entry where event_identifier = p_ids[i];
        v_prev := v_hash;
        v_hash := encode(sha256(convert_to(v_prev || E'\n' || v_index || E'\n' || p_types[i] || E'\n'
                                           || p_canonicals[i], 'UTF8')), 'hex');
        v_seq := v_seq + 1;
        insert into event_chain (engagement_id, chain_seq, global_index, event_identifier, prev_hash, hash,
                                 link_version)
        values (p_engagement, v_seq, v_index, p_ids[i], v_prev, v_hash, 2);
        insert into engagement_event (global_index, engagement_id, event_identifier, aggregate_identifier,
                                      sequence_number, event_type, recorded_at)
        values (v_index, p_engagement, p_ids[i], v_aggregate, v_sequence, p_types[i], cast(v_time as timestamptz));
    end loop;
    update event_chain_head set chain_seq = v_seq, hash = v_hash where engagement_id = p_engagement;
    return v_seq;
end
$$;
