-- kam_scorecard benchmark baseline: the 40 kam_indicators rows per period in
-- one hand-written DuckDB script, written from docs/spec/INDICATORS.md,
-- docs/spec/RAW_CONTRACT.md and DECISIONS.md, independent of the dbt
-- models. It is the yardstick of what DuckDB alone does with the same raw
-- Parquet files; it is not part of the product.
--
-- It assumes valid input (no rejection bookkeeping): every row is usable. It
-- parses every date and amount form of the contract, keeps the later of two
-- rows with the same key, treats dates after the as-of date as not yet
-- happened (DECISIONS.md D12) and converts amounts at the rate of their day.
--
-- Placeholders, replaced as text by bench/run_benchmark.py before running:
--   {raw_path}       directory of <table>.parquet (the 13 raw tables)
--   {fx_rates}       fx_rates file (.parquet or .csv)
--   {calendar_csv}   working_calendar.csv (seeds/reference/)
--   {synonyms_csv}   enum_synonyms.csv (seeds/reference/)
-- Parameters, DuckDB variables (SET VARIABLE before the script; unset: the
-- project's defaults): kam_period_grain (year | quarter | month),
-- kam_comparison (previous_period | same_period_last_year), kam_as_of_date
-- (a date; unset: the latest event date), kam_stability_tolerance (0.10),
-- kam_health_tolerance (0.05), kam_reporting_currency (CNY),
-- kam_weight_relationship, kam_weight_solution, kam_weight_price (1/3 each).
-- The result is the table baseline_indicators.

-- ---------------------------------------------------------------------------
-- Parameters
-- ---------------------------------------------------------------------------

set variable kam_period_grain =
    coalesce(getvariable('kam_period_grain'), 'year');
set variable kam_comparison =
    coalesce(getvariable('kam_comparison'), 'previous_period');
set variable kam_stability_tolerance =
    coalesce(getvariable('kam_stability_tolerance'), 0.10)::double;
set variable kam_health_tolerance =
    coalesce(getvariable('kam_health_tolerance'), 0.05)::double;
set variable kam_reporting_currency =
    upper(coalesce(getvariable('kam_reporting_currency'), 'CNY'));
set variable kam_weight_relationship =
    coalesce(getvariable('kam_weight_relationship'), 1 / 3)::double;
set variable kam_weight_solution =
    coalesce(getvariable('kam_weight_solution'), 1 / 3)::double;
set variable kam_weight_price =
    coalesce(getvariable('kam_weight_price'), 1 / 3)::double;
-- Comparisons of growth rates with a tolerance allow float rounding (D19).
set variable kam_epsilon = 1e-9;

select
    case
        when getvariable('kam_period_grain') not in ('year', 'quarter', 'month')
            then error('kam_period_grain must be year, quarter or month')
        when getvariable('kam_comparison')
            not in ('previous_period', 'same_period_last_year')
            then error('kam_comparison must be previous_period or '
                || 'same_period_last_year')
        when least(
            getvariable('kam_weight_relationship'),
            getvariable('kam_weight_solution'),
            getvariable('kam_weight_price')
        ) < 0
        or abs(
            getvariable('kam_weight_relationship')
            + getvariable('kam_weight_solution')
            + getvariable('kam_weight_price') - 1
        ) > 1e-9
            then error('kam_potential_weights must be non-negative and sum '
                || 'to 1')
    end as parameters_checked;

-- The step between a period and its prior period, and between periods.
set variable kam_grain_step = case getvariable('kam_period_grain')
    when 'year' then interval 1 year
    when 'quarter' then interval 3 month
    else interval 1 month
end;
set variable kam_prior_step = case getvariable('kam_comparison')
    when 'same_period_last_year' then interval 1 year
    else getvariable('kam_grain_step')
end;

-- ---------------------------------------------------------------------------
-- Parsing: the contract's date and amount forms, enumerations by synonym
-- ---------------------------------------------------------------------------

-- YYYY-MM-DD, YYYY/M/D, YYYY年M月D日, YYYY-MM-DD H:MM:SS (one or two digits
-- for months, days and hours; an impossible date or time gives null).
create or replace temp macro kam_date(text_value) as
    try_strptime(
        trim(text_value),
        ['%Y-%m-%d', '%Y/%m/%d', '%Y年%m月%d日', '%Y-%m-%d %H:%M:%S']
    )::date;

-- 1200000.50, 1,200,000.50, ¥1,200, -¥1,200, ¥-1,200, $87,390, 1.5万, ¥1.5万.
create or replace temp macro kam_amount(text_value) as
    try_cast(
        regexp_replace(trim(text_value), '[¥￥$€,]|万$', '', 'g')
        as decimal(38, 6)
    ) * case when trim(text_value) like '%万' then 10000 else 1 end;

create or replace temp macro kam_number(text_value) as
    try_cast(trim(text_value) as decimal(18, 6));

create or replace temp macro kam_period(day_value) as
    date_trunc(getvariable('kam_period_grain'), day_value)::date;

create temp table synonyms as
select
    lower(trim(domain)) as domain,
    lower(trim(label)) as label,
    trim(value) as value
from read_csv('{synonyms_csv}', all_varchar = true, header = true);

set variable enum_account_class = (
    select map(list(label), list(value)) from synonyms
    where domain = 'account_class'
);
set variable enum_user_role = (
    select map(list(label), list(value)) from synonyms
    where domain = 'user_role'
);
set variable enum_lead_status = (
    select map(list(label), list(value)) from synonyms
    where domain = 'lead_status'
);
set variable enum_opportunity_origin = (
    select map(list(label), list(value)) from synonyms
    where domain = 'opportunity_origin'
);
set variable enum_opportunity_outcome = (
    select map(list(label), list(value)) from synonyms
    where domain = 'opportunity_outcome'
);
set variable enum_delivery_status = (
    select map(list(label), list(value)) from synonyms
    where domain = 'delivery_status'
);
set variable enum_boolean = (
    select map(list(label), list(value)) from synonyms
    where domain = 'boolean'
);

-- ---------------------------------------------------------------------------
-- Reference tables: exchange rates (one row per currency and day, so that
-- the big tables convert with an equality join) and the working calendar
-- (cumulative statutory hours, so that a span of days is two lookups).
-- ---------------------------------------------------------------------------

create temp table fx_source as
select
    upper(trim(cast(currency as varchar))) as currency,
    kam_date(cast(valid_from as varchar)) as valid_from,
    cast(trim(cast(rate_to_reporting as varchar)) as decimal(18, 6)) as rate
from '{fx_rates}';

create temp table fx_daily as
with

days as (
    select
        currency,
        unnest(generate_series(
            min(valid_from), date '2100-12-31', interval 1 day
        ))::date as rate_day
    from fx_source
    group by currency
)

select
    days.currency,
    days.rate_day,
    fx_source.rate
from days
asof join fx_source
    on days.currency = fx_source.currency
    and days.rate_day >= fx_source.valid_from;

create or replace temp macro kam_rate(currency_code, rate_value) as
    case
        when currency_code = getvariable('kam_reporting_currency') then 1
        else rate_value
    end;

create temp table calendar as
select
    kam_date(calendar_date) as calendar_date,
    sum(cast(statutory_hours as decimal(18, 6))) over (
        order by kam_date(calendar_date)
    ) as cumulative_hours
from read_csv('{calendar_csv}', all_varchar = true, header = true);

-- ---------------------------------------------------------------------------
-- Raw tables: each read once, parsed, the later row of a key kept, amounts
-- converted to the reporting currency; only the columns the indicators use.
-- A key exported more than once is rare: the keys that are (superseded) are
-- found by an aggregate over the key alone, and only their earlier rows go.
-- ---------------------------------------------------------------------------

create temp table users as
with

parsed as (
    select
        trim(user_id) as row_key,
        file_row_number,
        trim(user_id) as user_id,
        getvariable('enum_user_role')[lower(trim(role))] as user_role,
        kam_date(hired_on) as hired_on,
        kam_date(left_on) as left_on
    from read_parquet('{raw_path}/users.parquet', file_row_number = true)
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
)

select parsed.user_id, parsed.user_role, parsed.hired_on, parsed.left_on
from parsed
left join superseded on parsed.row_key = superseded.row_key
where superseded.row_key is null
    or parsed.file_row_number = superseded.last_row;

create temp table account_assessments as
with

parsed as (
    select
        (trim(account_id), kam_date(assessed_on)) as row_key,
        file_row_number,
        trim(account_id) as account_id,
        kam_date(assessed_on) as assessed_on,
        getvariable('enum_account_class')[lower(trim(account_class))]
            as account_class,
        kam_amount(expected_annual_spend) as expected_annual_spend,
        upper(trim(currency)) as currency,
        kam_number(relationship_score) as relationship_score,
        kam_number(solution_score) as solution_score,
        kam_number(price_score) as price_score
    from read_parquet(
        '{raw_path}/account_assessments.parquet', file_row_number = true
    )
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
),

kept as (
    select parsed.*
    from parsed
    left join superseded on parsed.row_key = superseded.row_key
    where superseded.row_key is null
        or parsed.file_row_number = superseded.last_row
)

-- Each assessment holds from its day to the account's next assessment.
select
    kept.account_id,
    kept.assessed_on,
    coalesce(
        lead(kept.assessed_on) over (
            partition by kept.account_id order by kept.assessed_on
        ),
        date 'infinity'
    ) as valid_until,
    kept.account_class,
    kept.expected_annual_spend * kam_rate(kept.currency, fx_daily.rate)
        * (
            kept.relationship_score::double / 100
            * getvariable('kam_weight_relationship')
            + kept.solution_score::double / 100
            * getvariable('kam_weight_solution')
            + kept.price_score::double / 100
            * getvariable('kam_weight_price')
        ) as potential_output
from kept
left join fx_daily
    on kept.currency = fx_daily.currency
    and kept.assessed_on = fx_daily.rate_day;

-- Ownership: a row ends at its valid_to or at the next row of the account,
-- whichever comes first (RAW_CONTRACT.md, Ownership).
create temp table account_owners as
with

parsed as (
    select
        (trim(account_id), kam_date(valid_from)) as row_key,
        file_row_number,
        trim(account_id) as account_id,
        trim(user_id) as user_id,
        kam_date(valid_from) as valid_from,
        kam_date(valid_to) as valid_to
    from read_parquet(
        '{raw_path}/account_owners.parquet', file_row_number = true
    )
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
),

kept as (
    select parsed.*
    from parsed
    left join superseded on parsed.row_key = superseded.row_key
    where superseded.row_key is null
        or parsed.file_row_number = superseded.last_row
)

select
    account_id,
    user_id,
    valid_from,
    least(
        coalesce(valid_to, date 'infinity'),
        coalesce(
            lead(valid_from) over (
                partition by account_id order by valid_from
            ),
            date 'infinity'
        )
    ) as valid_until
from kept;

-- Revenue and account costs: converted on their day, attributed to the
-- owner of their account on that day (nobody on a day without owner).
create temp table revenue as
with

parsed as (
    select
        trim(revenue_id) as row_key,
        file_row_number,
        trim(account_id) as account_id,
        kam_date(booked_on) as booked_on,
        kam_amount(amount) as amount,
        upper(trim(currency)) as currency
    from read_parquet('{raw_path}/revenue.parquet', file_row_number = true)
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
),

kept as (
    select parsed.*
    from parsed
    left join superseded on parsed.row_key = superseded.row_key
    where superseded.row_key is null
        or parsed.file_row_number = superseded.last_row
)

select
    kept.account_id,
    kept.booked_on,
    kept.amount * kam_rate(kept.currency, fx_daily.rate) as amount,
    account_owners.user_id as owner_id
from kept
left join fx_daily
    on kept.currency = fx_daily.currency
    and kept.booked_on = fx_daily.rate_day
left join account_owners
    on kept.account_id = account_owners.account_id
    and kept.booked_on >= account_owners.valid_from
    and kept.booked_on < account_owners.valid_until;

create temp table account_costs as
with

parsed as (
    select
        trim(cost_id) as row_key,
        file_row_number,
        trim(account_id) as account_id,
        kam_date(incurred_on) as incurred_on,
        kam_amount(amount) as amount,
        upper(trim(currency)) as currency
    from read_parquet(
        '{raw_path}/account_costs.parquet', file_row_number = true
    )
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
),

kept as (
    select parsed.*
    from parsed
    left join superseded on parsed.row_key = superseded.row_key
    where superseded.row_key is null
        or parsed.file_row_number = superseded.last_row
)

select
    kept.account_id,
    kept.incurred_on,
    kept.amount * kam_rate(kept.currency, fx_daily.rate) as amount,
    account_owners.user_id as owner_id
from kept
left join fx_daily
    on kept.currency = fx_daily.currency
    and kept.incurred_on = fx_daily.rate_day
left join account_owners
    on kept.account_id = account_owners.account_id
    and kept.incurred_on >= account_owners.valid_from
    and kept.incurred_on < account_owners.valid_until;

-- Leads convert on closed_on when converted or disqualified, else created_on.
create temp table leads as
with

parsed as (
    select
        trim(lead_id) as row_key,
        file_row_number,
        getvariable('enum_lead_status')[lower(trim(status))] as lead_status,
        kam_date(created_on) as created_on,
        kam_date(closed_on) as closed_on,
        kam_amount(estimated_presales_cost) as estimated_presales_cost,
        upper(trim(currency)) as currency
    from read_parquet('{raw_path}/leads.parquet', file_row_number = true)
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
),

kept as (
    select
        parsed.*,
        case
            when parsed.lead_status in ('converted', 'disqualified')
                then parsed.closed_on
            else parsed.created_on
        end as currency_day
    from parsed
    left join superseded on parsed.row_key = superseded.row_key
    where superseded.row_key is null
        or parsed.file_row_number = superseded.last_row
)

select
    kept.lead_status,
    kept.created_on,
    case
        when kept.lead_status in ('converted', 'disqualified')
            then kept.closed_on
    end as closed_on,
    kept.estimated_presales_cost * kam_rate(kept.currency, fx_daily.rate)
        as estimated_presales_cost
from kept
left join fx_daily
    on kept.currency = fx_daily.currency
    and kept.currency_day = fx_daily.rate_day;

-- Opportunities convert on closed_on (won, lost, dropped), else approved_on,
-- else created_on. The closed_on of an open opportunity is not used.
create temp table opportunities as
with

parsed as (
    select
        trim(opportunity_id) as row_key,
        file_row_number,
        trim(opportunity_id) as opportunity_id,
        trim(account_id) as account_id,
        getvariable('enum_opportunity_origin')[lower(trim(origin))] as origin,
        getvariable('enum_opportunity_outcome')[lower(trim(outcome))]
            as outcome,
        kam_date(created_on) as created_on,
        kam_date(approved_on) as approved_on,
        kam_date(closed_on) as closed_on,
        kam_amount(amount) as amount,
        kam_amount(estimated_presales_cost) as estimated_presales_cost,
        upper(trim(currency)) as currency
    from read_parquet(
        '{raw_path}/opportunities.parquet', file_row_number = true
    )
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
),

kept as (
    select
        parsed.*,
        case
            when parsed.outcome in ('won', 'lost', 'dropped')
                then parsed.closed_on
            else coalesce(parsed.approved_on, parsed.created_on)
        end as currency_day
    from parsed
    left join superseded on parsed.row_key = superseded.row_key
    where superseded.row_key is null
        or parsed.file_row_number = superseded.last_row
)

select
    kept.opportunity_id,
    kept.account_id,
    kept.origin,
    kept.outcome,
    kept.created_on,
    kept.approved_on,
    case when kept.outcome <> 'open' then kept.closed_on end as closed_on,
    kept.amount * kam_rate(kept.currency, fx_daily.rate) as amount,
    kept.estimated_presales_cost * kam_rate(kept.currency, fx_daily.rate)
        as estimated_presales_cost
from kept
left join fx_daily
    on kept.currency = fx_daily.currency
    and kept.currency_day = fx_daily.rate_day;

create temp table presales_costs as
with

parsed as (
    select
        trim(cost_id) as row_key,
        file_row_number,
        trim(opportunity_id) as opportunity_id,
        kam_date(incurred_on) as incurred_on,
        kam_amount(amount) as amount,
        upper(trim(currency)) as currency
    from read_parquet(
        '{raw_path}/presales_costs.parquet', file_row_number = true
    )
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
),

kept as (
    select parsed.*
    from parsed
    left join superseded on parsed.row_key = superseded.row_key
    where superseded.row_key is null
        or parsed.file_row_number = superseded.last_row
)

select
    kept.opportunity_id,
    kept.incurred_on,
    kept.amount * kam_rate(kept.currency, fx_daily.rate) as amount
from kept
left join fx_daily
    on kept.currency = fx_daily.currency
    and kept.incurred_on = fx_daily.rate_day;

create temp table timesheets as
with

parsed as (
    select
        trim(entry_id) as row_key,
        file_row_number,
        trim(user_id) as user_id,
        nullif(trim(opportunity_id), '') as opportunity_id,
        kam_date(work_date) as work_date,
        kam_number(hours) as hours,
        getvariable('enum_boolean')[lower(trim(is_confirmed))] = 'true'
            as is_confirmed
    from read_parquet('{raw_path}/timesheets.parquet', file_row_number = true)
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
)

select
    parsed.user_id,
    parsed.opportunity_id,
    parsed.work_date,
    parsed.hours,
    parsed.is_confirmed
from parsed
left join superseded on parsed.row_key = superseded.row_key
where superseded.row_key is null
    or parsed.file_row_number = superseded.last_row;

-- The decision chain as the change each row makes to its opportunity's sums
-- sum(influence_weight * solution_score) and sum(influence_weight): the
-- acceptance on day d is their ratio over the changes up to d. Within a
-- contact the changes telescope in file order, so the later of two rows of
-- one day wins without a separate step for duplicates. The last change of a
-- day gives that day's acceptance, which holds until the opportunity's next
-- assessment day.
create temp table acceptance_steps as
with

parsed as (
    select
        trim(opportunity_id) as opportunity_id,
        trim(contact_id) as contact_id,
        kam_date(assessed_on) as assessed_on,
        file_row_number,
        kam_number(influence_weight) as influence_weight,
        kam_number(influence_weight) * kam_number(solution_score)
            as weighted_score
    from read_parquet(
        '{raw_path}/decision_chain.parquet', file_row_number = true
    )
),

changes as (
    select
        opportunity_id,
        assessed_on,
        file_row_number,
        weighted_score - coalesce(lag(weighted_score) over contact_history, 0)
            as weighted_score_change,
        influence_weight
        - coalesce(lag(influence_weight) over contact_history, 0)
            as weight_change
    from parsed
    window contact_history as (
        partition by opportunity_id, contact_id
        order by assessed_on, file_row_number
    )
),

cumulative as (
    select
        opportunity_id,
        assessed_on,
        lead(assessed_on) over opportunity_history as next_change_on,
        sum(weighted_score_change) over opportunity_history as weighted_score,
        sum(weight_change) over opportunity_history as total_weight
    from changes
    window opportunity_history as (
        partition by opportunity_id
        order by assessed_on, file_row_number
        rows between unbounded preceding and current row
    )
)

-- D13: 10 decimals; the correlation of MCI.5 takes 6.
select
    opportunity_id,
    assessed_on,
    coalesce(next_change_on, date 'infinity') as valid_until,
    round(weighted_score::double / total_weight::double, 10)::decimal(18, 10)
        as acceptance
from cumulative
where next_change_on is distinct from assessed_on;

create temp table team_ratings as
with

parsed as (
    select
        trim(rating_id) as row_key,
        file_row_number,
        kam_date(rated_on) as rated_on,
        kam_number(score) as score
    from read_parquet('{raw_path}/team_ratings.parquet', file_row_number = true)
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
)

select parsed.rated_on, parsed.score
from parsed
left join superseded on parsed.row_key = superseded.row_key
where superseded.row_key is null
    or parsed.file_row_number = superseded.last_row;

-- Deliveries in progress or cancelled would convert at the as-of date; no
-- indicator uses their amount, so only completed ones are converted.
create temp table deliveries as
with

parsed as (
    select
        trim(delivery_id) as row_key,
        file_row_number,
        getvariable('enum_delivery_status')[lower(trim(status))]
            as delivery_status,
        kam_date(completed_on) as completed_on,
        kam_amount(contract_amount) as contract_amount,
        upper(trim(currency)) as currency
    from read_parquet('{raw_path}/deliveries.parquet', file_row_number = true)
),

superseded as (
    select row_key, max(file_row_number) as last_row
    from parsed
    group by row_key
    having count(*) > 1
),

kept as (
    select parsed.*
    from parsed
    left join superseded on parsed.row_key = superseded.row_key
    where superseded.row_key is null
        or parsed.file_row_number = superseded.last_row
)

select
    kept.delivery_status,
    kept.completed_on,
    kept.contract_amount * kam_rate(kept.currency, fx_daily.rate)
        as contract_amount
from kept
left join fx_daily
    on kept.currency = fx_daily.currency
    and kept.completed_on = fx_daily.rate_day
where kept.delivery_status in ('succeeded', 'failed');

-- ---------------------------------------------------------------------------
-- Event window, as-of date and periods
-- ---------------------------------------------------------------------------

create temp table event_bounds as
with

events as (
    select min(booked_on) as first_day, max(booked_on) as last_day
    from revenue
    union all
    select min(incurred_on), max(incurred_on) from account_costs
    union all
    select min(assessed_on), max(assessed_on) from account_assessments
    union all
    select least(min(created_on), min(closed_on)),
        greatest(max(created_on), max(closed_on))
    from leads
    union all
    select
        least(min(created_on), min(approved_on), min(closed_on)),
        greatest(max(created_on), max(approved_on), max(closed_on))
    from opportunities
    union all
    select min(incurred_on), max(incurred_on) from presales_costs
    union all
    select min(work_date), max(work_date) from timesheets
    union all
    select min(assessed_on), max(assessed_on) from acceptance_steps
    union all
    select min(rated_on), max(rated_on) from team_ratings
    union all
    select min(completed_on), max(completed_on) from deliveries
)

select min(first_day) as first_day, max(last_day) as last_day from events;

set variable kam_as_of = coalesce(
    getvariable('kam_as_of_date')::date,
    (select last_day from event_bounds)
);

-- From the first period holding an event to the period holding the as-of
-- date; none when the as-of date precedes every event (D20).
create temp table periods as
with

bounds as (
    select kam_period(first_day) as first_start
    from event_bounds
    where first_day <= getvariable('kam_as_of')
),

starts as (
    select
        bounds.first_start,
        unnest(generate_series(
            bounds.first_start::timestamp,
            kam_period(getvariable('kam_as_of'))::timestamp,
            getvariable('kam_grain_step')
        ))::date as period_start
    from bounds
)

select
    period_start,
    (period_start + getvariable('kam_grain_step') - interval 1 day)::date
        as period_end,
    least(
        (period_start + getvariable('kam_grain_step') - interval 1 day)::date,
        getvariable('kam_as_of')
    ) as cutoff,
    (period_start + getvariable('kam_grain_step') - interval 1 day)::date
        <= getvariable('kam_as_of') as is_complete_period,
    case getvariable('kam_period_grain')
        when 'year' then strftime(period_start, '%Y')
        when 'quarter'
            then strftime(period_start, '%Y') || '-Q' || quarter(period_start)
        else strftime(period_start, '%Y-%m')
    end as period_label,
    (period_start - getvariable('kam_prior_step'))::date as prior_start,
    (period_start - getvariable('kam_prior_step'))::date >= first_start
        as has_prior
from starts;

-- ---------------------------------------------------------------------------
-- Customer line (ESP+)
-- ---------------------------------------------------------------------------

-- Output and investment per account, owner and period, up to the as-of date.
create temp table account_owner_figures as
with

flows as (
    select
        account_id,
        owner_id,
        kam_period(booked_on) as period_start,
        amount as output,
        0 as investment
    from revenue
    where booked_on <= getvariable('kam_as_of')
    union all
    select
        account_id,
        owner_id,
        kam_period(incurred_on),
        0,
        amount
    from account_costs
    where incurred_on <= getvariable('kam_as_of')
)

select
    account_id,
    owner_id,
    period_start,
    sum(output) as output,
    sum(investment) as investment
from flows
group by account_id, owner_id, period_start;

create temp table account_figures as
select
    account_id,
    period_start,
    sum(output) as output,
    sum(investment) as investment
from account_owner_figures
group by account_id, period_start;

-- K(p): accounts whose latest assessment up to the period's cutoff has class
-- A, B or C; their potential output on that day.
create temp table key_accounts as
select
    periods.period_start,
    account_assessments.account_id,
    account_assessments.account_class,
    account_assessments.potential_output
from periods
inner join account_assessments
    on periods.cutoff >= account_assessments.assessed_on
    and periods.cutoff < account_assessments.valid_until
where account_assessments.account_class in ('A', 'B', 'C');

-- Each key account with its own figures in the period and the prior period
-- (key account then or not, D21).
create temp table key_account_figures as
with

joined as (
    select
        key_accounts.period_start,
        key_accounts.account_id,
        key_accounts.account_class,
        coalesce(current_figures.output, 0) as output,
        coalesce(current_figures.investment, 0) as investment,
        coalesce(prior_figures.output, 0) as prior_output,
        coalesce(prior_figures.investment, 0) as prior_investment
    from key_accounts
    inner join periods
        on key_accounts.period_start = periods.period_start
    left join account_figures as current_figures
        on key_accounts.account_id = current_figures.account_id
        and key_accounts.period_start = current_figures.period_start
    left join account_figures as prior_figures
        on key_accounts.account_id = prior_figures.account_id
        and periods.prior_start = prior_figures.period_start
),

ratios as (
    select
        *,
        case when investment <> 0 then output::double / investment::double end
            as roi,
        case
            when prior_investment <> 0
                then prior_output::double / prior_investment::double
        end as prior_roi
    from joined
)

select
    *,
    output > prior_output as output_grew,
    case
        when prior_output = 0 then output = 0
        else abs((output - prior_output)::double / abs(prior_output::double))
            <= getvariable('kam_stability_tolerance')
            + getvariable('kam_epsilon')
    end as output_stable,
    roi is not null and prior_roi is not null as roi_compared,
    roi > prior_roi as roi_grew,
    case
        when prior_roi = 0 then roi = 0
        else abs((roi - prior_roi) / abs(prior_roi))
            <= getvariable('kam_stability_tolerance')
            + getvariable('kam_epsilon')
    end as roi_stable
from ratios;

create temp table account_groups as
with

-- Every key account counts in K; a C account also in C, an A or B in AB.
memberships as (
    select
        *,
        unnest(
            case when account_class = 'C' then ['K', 'C'] else ['K', 'AB'] end
        ) as account_set
    from key_account_figures
),

aggregated as (
    select
        period_start,
        account_set,
        count(*) as accounts,
        sum(output) as output,
        sum(investment) as investment,
        count(*) filter (where output_grew) as output_grew,
        count(*) filter (where output_stable) as output_stable,
        count(*) filter (where roi_compared) as roi_compared,
        count(*) filter (where roi_compared and roi_grew) as roi_grew,
        count(*) filter (where roi_compared and roi_stable) as roi_stable
    from memberships
    group by period_start, account_set
),

account_sets as (
    select * from (values ('K'), ('C'), ('AB')) as sets (account_set)
)

select
    periods.period_start,
    periods.has_prior,
    account_sets.account_set,
    coalesce(aggregated.accounts, 0) as accounts,
    coalesce(aggregated.output, 0) as output,
    coalesce(aggregated.investment, 0) as investment,
    coalesce(aggregated.output_grew, 0) as output_grew,
    coalesce(aggregated.output_stable, 0) as output_stable,
    coalesce(aggregated.roi_compared, 0) as roi_compared,
    coalesce(aggregated.roi_grew, 0) as roi_grew,
    coalesce(aggregated.roi_stable, 0) as roi_stable
from periods
cross join account_sets
left join aggregated
    on periods.period_start = aggregated.period_start
    and account_sets.account_set = aggregated.account_set;

-- Reps: R(p) are the owners of a key account on a day of p (up to the
-- cutoff); a rep's figures are the key accounts' rows attributed to the rep.
create temp table rep_figures as
select
    account_owner_figures.period_start,
    account_owner_figures.owner_id as user_id,
    sum(account_owner_figures.output) as output,
    sum(account_owner_figures.investment) as investment
from account_owner_figures
inner join key_accounts
    on account_owner_figures.account_id = key_accounts.account_id
    and account_owner_figures.period_start = key_accounts.period_start
where account_owner_figures.owner_id is not null
group by account_owner_figures.period_start, account_owner_figures.owner_id;

create temp table rep_groups as
with

reps as (
    select distinct
        periods.period_start,
        periods.prior_start,
        account_owners.user_id
    from key_accounts
    inner join periods
        on key_accounts.period_start = periods.period_start
    inner join account_owners
        on key_accounts.account_id = account_owners.account_id
        and account_owners.valid_from <= periods.cutoff
        and account_owners.valid_until > periods.period_start
),

joined as (
    select
        reps.period_start,
        reps.user_id,
        coalesce(current_figures.output, 0) as output,
        coalesce(current_figures.investment, 0) as investment,
        coalesce(prior_figures.output, 0) as prior_output,
        coalesce(prior_figures.investment, 0) as prior_investment
    from reps
    left join rep_figures as current_figures
        on reps.period_start = current_figures.period_start
        and reps.user_id = current_figures.user_id
    left join rep_figures as prior_figures
        on reps.prior_start = prior_figures.period_start
        and reps.user_id = prior_figures.user_id
),

ratios as (
    select
        *,
        case when investment <> 0 then output::double / investment::double end
            as roi,
        case
            when prior_investment <> 0
                then prior_output::double / prior_investment::double
        end as prior_roi
    from joined
)

select
    periods.period_start,
    periods.has_prior,
    count(ratios.user_id) as reps,
    coalesce(sum(ratios.output), 0) as output,
    coalesce(sum(ratios.investment), 0) as investment,
    count(*) filter (where ratios.output > ratios.prior_output) as output_grew,
    count(*) filter (
        where ratios.roi is not null and ratios.prior_roi is not null
    ) as roi_compared,
    count(*) filter (where ratios.roi > ratios.prior_roi) as roi_grew
from periods
left join ratios
    on periods.period_start = ratios.period_start
group by periods.period_start, periods.has_prior;

-- ---------------------------------------------------------------------------
-- Opportunities as of the as-of date: closed, dropped, supported
-- ---------------------------------------------------------------------------

-- Supported: any presales cost or timesheet row up to the as-of date (D18).
create temp table opportunity_support as
with

support_rows as (
    select opportunity_id, amount
    from presales_costs
    where incurred_on <= getvariable('kam_as_of')
    union all
    select opportunity_id, 0
    from timesheets
    where work_date <= getvariable('kam_as_of')
        and opportunity_id is not null
)

select
    opportunity_id,
    sum(amount) as presales_cost
from support_rows
group by opportunity_id;

-- An opportunity closed after the as-of date is still open then.
create temp table opportunities_as_of as
select
    opportunities.*,
    opportunities.outcome in ('won', 'lost', 'dropped')
    and opportunities.closed_on <= getvariable('kam_as_of') as is_closed,
    opportunity_support.opportunity_id is not null as is_supported,
    coalesce(opportunity_support.presales_cost, 0) as presales_cost
from opportunities
left join opportunity_support
    on opportunities.opportunity_id = opportunity_support.opportunity_id;

-- Won or lost, approved, closed in p (up to the as-of date), with the
-- decision chain's acceptance on the closing day (D13: 6 decimals).
create temp table closed_opportunities as
with

closed as (
    select
        kam_period(closed_on) as period_start,
        opportunity_id,
        account_id,
        outcome = 'won' as is_won,
        amount,
        date_diff('day', approved_on, closed_on) as close_cycle_days,
        closed_on,
        is_supported,
        presales_cost
    from opportunities_as_of
    where is_closed
        and outcome in ('won', 'lost')
        and approved_on is not null
)

select
    closed.*,
    round(acceptance_steps.acceptance, 6) as acceptance
from closed
left join acceptance_steps
    on closed.opportunity_id = acceptance_steps.opportunity_id
    and closed.closed_on >= acceptance_steps.assessed_on
    and closed.closed_on < acceptance_steps.valid_until;

-- ---------------------------------------------------------------------------
-- The indicator values: one row per code, basis and period
-- ---------------------------------------------------------------------------

create temp table indicator_values as
with

esp_accounts as (
    select
        period_start,
        has_prior,
        account_set,
        accounts,
        output,
        investment,
        output_grew,
        output_stable,
        roi_compared,
        roi_grew,
        roi_stable,
        case when accounts > 0 then output::double / accounts end
            as average_output,
        case when investment <> 0 then output::double / investment::double end
            as roi
    from account_groups
),

esp_stage_1_and_3 as (
    select
        case account_set
            when 'K' then 'ESP.1.1' when 'C' then 'ESP.3.1' else 'ESP.3.4'
        end as indicator_code,
        'amount' as basis,
        period_start,
        average_output as value,
        accounts as population
    from esp_accounts
    union all
    select
        case account_set
            when 'K' then 'ESP.1.1' when 'C' then 'ESP.3.1' else 'ESP.3.4'
        end,
        'share',
        period_start,
        case
            when has_prior and accounts > 0
                then (
                    case when account_set = 'AB' then output_stable
                        else output_grew end
                )::double / accounts
        end,
        case when has_prior then accounts else 0 end
    from esp_accounts
    union all
    select
        case account_set
            when 'K' then 'ESP.1.2' when 'C' then 'ESP.3.2' else 'ESP.3.5'
        end,
        'amount',
        period_start,
        roi,
        accounts
    from esp_accounts
    union all
    select
        case account_set
            when 'K' then 'ESP.1.2' when 'C' then 'ESP.3.2' else 'ESP.3.5'
        end,
        'share',
        period_start,
        case
            when has_prior and roi_compared > 0
                then (
                    case when account_set = 'AB' then roi_stable
                        else roi_grew end
                )::double / roi_compared
        end,
        case when has_prior then roi_compared else 0 end
    from esp_accounts
    union all
    select
        case account_set when 'K' then 'ESP.1.3' else 'ESP.3.3' end,
        'amount',
        period_start,
        output::double,
        accounts
    from esp_accounts
    where account_set in ('K', 'C')
),

esp_stage_2 as (
    select
        'ESP.2.1' as indicator_code,
        'amount' as basis,
        period_start,
        case when reps > 0 then output::double / reps end as value,
        reps as population
    from rep_groups
    union all
    select
        'ESP.2.1',
        'share',
        period_start,
        case when has_prior and reps > 0 then output_grew::double / reps end,
        case when has_prior then reps else 0 end
    from rep_groups
    union all
    select
        'ESP.2.2',
        'amount',
        period_start,
        case when investment <> 0 then output::double / investment::double end,
        reps
    from rep_groups
    union all
    select
        'ESP.2.2',
        'share',
        period_start,
        case
            when has_prior and roi_compared > 0
                then roi_grew::double / roi_compared
        end,
        case when has_prior then roi_compared else 0 end
    from rep_groups
    union all
    select 'ESP.2.3', 'amount', period_start, output::double, reps
    from rep_groups
),

esp_potential as (
    select
        periods.period_start,
        count(key_accounts.account_id) as accounts,
        coalesce(sum(key_accounts.potential_output), 0) as potential_output
    from periods
    left join key_accounts
        on periods.period_start = key_accounts.period_start
    group by periods.period_start
),

esp_converted as (
    select
        periods.period_start,
        count(opportunities.opportunity_id) filter (
            where opportunities.origin = 'captured'
        ) as captured,
        coalesce(sum(opportunities.amount) filter (
            where opportunities.origin = 'captured'
        ), 0) as captured_amount,
        count(opportunities.opportunity_id) filter (
            where opportunities.origin = 'incubated'
        ) as incubated,
        coalesce(sum(opportunities.amount) filter (
            where opportunities.origin = 'incubated'
        ), 0) as incubated_amount
    from periods
    left join (
        select
            approved.approved_period,
            approved.origin,
            approved.amount,
            approved.opportunity_id
        from (
            select
                *,
                kam_period(approved_on) as approved_period
            from opportunities
            where approved_on <= getvariable('kam_as_of')
                and origin in ('captured', 'incubated')
        ) as approved
        inner join key_accounts
            on approved.account_id = key_accounts.account_id
            and approved.approved_period = key_accounts.period_start
    ) as opportunities
        on periods.period_start = opportunities.approved_period
    group by periods.period_start
),

closed_by_period as (
    select
        periods.period_start,
        count(closed.opportunity_id) as closed,
        count(*) filter (where closed.is_won) as won,
        count(*) filter (where not closed.is_won) as lost,
        coalesce(sum(closed.amount), 0) as closed_amount,
        coalesce(sum(closed.amount) filter (where closed.is_won), 0)
            as won_amount,
        avg(closed.close_cycle_days) filter (where closed.is_won)
            as won_cycle,
        avg(closed.close_cycle_days) filter (where not closed.is_won)
            as lost_cycle,
        coalesce(sum(closed.presales_cost), 0) as presales_cost,
        count(*) filter (where key_accounts.account_id is not null)
            as key_closed,
        count(*) filter (
            where key_accounts.account_id is not null and closed.is_won
        ) as key_won,
        coalesce(
            sum(closed.amount) filter (
                where key_accounts.account_id is not null
            ), 0
        ) as key_closed_amount,
        coalesce(
            sum(closed.amount) filter (
                where key_accounts.account_id is not null and closed.is_won
            ), 0
        ) as key_won_amount,
        count(*) filter (where closed.is_supported) as supported_closed,
        count(*) filter (where closed.is_supported and closed.is_won)
            as supported_won,
        coalesce(
            sum(closed.amount) filter (where closed.is_supported), 0
        ) as supported_closed_amount,
        coalesce(
            sum(closed.amount) filter (
                where closed.is_supported and closed.is_won
            ), 0
        ) as supported_won_amount,
        -- acceptance (x) against won (y) over supported opportunities with
        -- an acceptance on the closing day; exact sums (D13)
        count(*) filter (
            where closed.is_supported and closed.acceptance is not null
        ) as pairs,
        sum(closed.acceptance) filter (
            where closed.is_supported and closed.acceptance is not null
        ) as sum_x,
        count(*) filter (
            where closed.is_supported and closed.acceptance is not null
            and closed.is_won
        ) as sum_y,
        sum(closed.acceptance) filter (
            where closed.is_supported and closed.acceptance is not null
            and closed.is_won
        ) as sum_xy,
        sum(closed.acceptance * closed.acceptance) filter (
            where closed.is_supported and closed.acceptance is not null
        ) as sum_xx
    from periods
    left join closed_opportunities as closed
        on periods.period_start = closed.period_start
    left join key_accounts
        on closed.account_id = key_accounts.account_id
        and closed.period_start = key_accounts.period_start
    group by periods.period_start
),

esp_stage_4 as (
    select
        'ESP.4.1' as indicator_code,
        'amount' as basis,
        period_start,
        potential_output::double as value,
        accounts as population
    from esp_potential
    union all
    select 'ESP.4.2', 'amount', period_start, captured_amount::double,
        captured
    from esp_converted
    union all
    select 'ESP.4.3', 'amount', period_start, incubated_amount::double,
        incubated
    from esp_converted
    union all
    select
        'ESP.4.4',
        'amount',
        period_start,
        case
            when key_closed_amount <> 0
                then key_won_amount::double / key_closed_amount::double
        end,
        key_closed
    from closed_by_period
    union all
    select
        'ESP.4.4',
        'count',
        period_start,
        case when key_closed > 0 then key_won::double / key_closed end,
        key_closed
    from closed_by_period
),

-- Deal line (TAS+)
avoided as (
    select
        kam_period(closed_on) as period_start,
        estimated_presales_cost
    from leads
    where lead_status = 'disqualified'
        and closed_on <= getvariable('kam_as_of')
    union all
    select
        kam_period(closed_on),
        estimated_presales_cost
    from opportunities_as_of
    where outcome = 'dropped' and is_closed
),

tas_stage_1 as (
    select
        'TAS.1.1' as indicator_code,
        'amount' as basis,
        periods.period_start,
        coalesce(sum(avoided.estimated_presales_cost), 0)::double as value,
        count(avoided.period_start) as population
    from periods
    left join avoided
        on periods.period_start = avoided.period_start
    group by periods.period_start
),

tas_stage_2 as (
    select
        'TAS.2.1' as indicator_code,
        'amount' as basis,
        period_start,
        case
            when closed_amount <> 0
                then won_amount::double / closed_amount::double
        end as value,
        closed as population
    from closed_by_period
    union all
    select 'TAS.2.1', 'count', period_start,
        case when closed > 0 then won::double / closed end, closed
    from closed_by_period
    union all
    select 'TAS.2.2', 'won', period_start, won_cycle, won
    from closed_by_period
    union all
    select 'TAS.2.2', 'lost', period_start, lost_cycle, lost
    from closed_by_period
    union all
    select 'TAS.2.3', 'amount', period_start,
        case when won > 0 then won_amount::double / won end, won
    from closed_by_period
    union all
    select 'TAS.2.4', 'amount', period_start, won_amount::double, won
    from closed_by_period
),

-- Support line (MCI)
mci_1_and_5 as (
    select
        'MCI.1' as indicator_code,
        'amount' as basis,
        period_start,
        case
            when presales_cost <> 0
                then won_amount::double / presales_cost::double
        end as value,
        closed as population
    from closed_by_period
    union all
    select
        'MCI.5',
        'amount',
        period_start,
        case
            when supported_closed_amount <> 0
                then supported_won_amount::double
                / supported_closed_amount::double
        end,
        supported_closed
    from closed_by_period
    union all
    select
        'MCI.5',
        'count',
        period_start,
        case
            when supported_closed > 0
                then supported_won::double / supported_closed
        end,
        supported_closed
    from closed_by_period
    union all
    select
        'MCI.5',
        'acceptance_correlation',
        period_start,
        case
            when pairs >= 3
                and pairs * sum_xx - sum_x * sum_x > 0
                and pairs * sum_y - sum_y * sum_y > 0
                then (pairs * sum_xy - sum_x * sum_y)::double
                / sqrt(
                    (pairs * sum_xx - sum_x * sum_x)::double
                    * (pairs * sum_y - sum_y * sum_y)::double
                )
        end,
        pairs
    from closed_by_period
),

-- MCI.2: presales users employed on a day of p up to its cutoff; their
-- confirmed hours against the statutory hours of their employed days.
presales_users as (
    select
        periods.period_start,
        users.user_id,
        greatest(periods.period_start, users.hired_on) as first_day,
        least(periods.cutoff, coalesce(users.left_on, periods.cutoff))
            as last_day
    from users
    inner join periods
        on users.hired_on <= periods.cutoff
        and (users.left_on is null or users.left_on >= periods.period_start)
    where users.user_role = 'presales'
),

statutory as (
    select
        presales_users.period_start,
        presales_users.user_id,
        coalesce(until_last.cumulative_hours, 0)
        - coalesce(before_first.cumulative_hours, 0) as statutory_hours
    from presales_users
    asof left join calendar as until_last
        on presales_users.last_day >= until_last.calendar_date
    asof left join calendar as before_first
        on presales_users.first_day - 1 >= before_first.calendar_date
),

confirmed_hours as (
    select
        timesheets.user_id,
        kam_period(timesheets.work_date) as period_start,
        sum(timesheets.hours) as hours
    from timesheets
    where timesheets.is_confirmed
        and timesheets.work_date <= getvariable('kam_as_of')
    group by timesheets.user_id, kam_period(timesheets.work_date)
),

mci_2 as (
    select
        'MCI.2' as indicator_code,
        'ratio' as basis,
        periods.period_start,
        case
            when sum(statutory.statutory_hours) <> 0
                then coalesce(sum(confirmed_hours.hours), 0)::double
                / sum(statutory.statutory_hours)::double
        end as value,
        count(statutory.user_id) as population
    from periods
    left join statutory
        on periods.period_start = statutory.period_start
    left join confirmed_hours
        on statutory.user_id = confirmed_hours.user_id
        and statutory.period_start = confirmed_hours.period_start
    group by periods.period_start
),

-- MCI.3: opportunities approved by the cutoff and not closed before the
-- period starts, their acceptance on the earlier of the cutoff and the
-- closing day (10 decimals, D13).
active_spans as (
    select
        opportunity_id,
        is_closed,
        closed_on,
        unnest(generate_series(
            kam_period(approved_on)::timestamp,
            kam_period(
                case
                    when is_closed then closed_on
                    else getvariable('kam_as_of')
                end
            )::timestamp,
            getvariable('kam_grain_step')
        ))::date as period_start
    from opportunities_as_of
    where approved_on <= getvariable('kam_as_of')
),

active_opportunities as (
    select
        active_spans.period_start,
        active_spans.opportunity_id,
        case
            when active_spans.is_closed
                and active_spans.closed_on < periods.cutoff
                then active_spans.closed_on
            else periods.cutoff
        end as evaluated_on
    from active_spans
    inner join periods
        on active_spans.period_start = periods.period_start
),

active_acceptance as (
    select
        active_opportunities.period_start,
        acceptance_steps.acceptance
    from active_opportunities
    inner join acceptance_steps
        on active_opportunities.opportunity_id
        = acceptance_steps.opportunity_id
        and active_opportunities.evaluated_on >= acceptance_steps.assessed_on
        and active_opportunities.evaluated_on < acceptance_steps.valid_until
),

mci_3 as (
    select
        'MCI.3' as indicator_code,
        'score' as basis,
        periods.period_start,
        avg(active_acceptance.acceptance)::double as value,
        count(active_acceptance.acceptance) as population
    from periods
    left join active_acceptance
        on periods.period_start = active_acceptance.period_start
    group by periods.period_start
),

mci_4 as (
    select
        'MCI.4' as indicator_code,
        'score' as basis,
        periods.period_start,
        avg(ratings.score)::double as value,
        count(ratings.score) as population
    from periods
    left join (
        select kam_period(rated_on) as period_start, score
        from team_ratings
        where rated_on <= getvariable('kam_as_of')
    ) as ratings
        on periods.period_start = ratings.period_start
    group by periods.period_start
),

mci_6_by_period as (
    select
        periods.period_start,
        count(completed.delivery_status) as deliveries,
        count(*) filter (where completed.delivery_status = 'succeeded')
            as succeeded,
        coalesce(sum(completed.contract_amount), 0) as amount,
        coalesce(
            sum(completed.contract_amount) filter (
                where completed.delivery_status = 'succeeded'
            ), 0
        ) as succeeded_amount
    from periods
    left join (
        select
            kam_period(completed_on) as period_start,
            delivery_status,
            contract_amount
        from deliveries
        where completed_on <= getvariable('kam_as_of')
    ) as completed
        on periods.period_start = completed.period_start
    group by periods.period_start
),

mci_6 as (
    select
        'MCI.6' as indicator_code,
        'amount' as basis,
        period_start,
        case
            when amount <> 0 then succeeded_amount::double / amount::double
        end as value,
        deliveries as population
    from mci_6_by_period
    union all
    select
        'MCI.6',
        'count',
        period_start,
        case when deliveries > 0 then succeeded::double / deliveries end,
        deliveries
    from mci_6_by_period
)

select * from esp_stage_1_and_3
union all
select * from esp_stage_2
union all
select * from esp_stage_4
union all
select * from tas_stage_1
union all
select * from tas_stage_2
union all
select * from mci_1_and_5
union all
select * from mci_2
union all
select * from mci_3
union all
select * from mci_4
union all
select * from mci_6;

-- ---------------------------------------------------------------------------
-- Prior value, delta, growth rate and status
-- ---------------------------------------------------------------------------

create temp table baseline_indicators as
with

directions as (
    select
        indicator_code,
        basis,
        case
            when indicator_code = 'TAS.2.2' then 'down'
            when indicator_code in ('ESP.3.4', 'ESP.3.5') and basis = 'amount'
                then 'stable'
            else 'up'
        end as desired_direction
    from (select distinct indicator_code, basis from indicator_values)
),

compared as (
    select
        current_values.indicator_code,
        current_values.basis,
        periods.period_label,
        periods.period_start,
        periods.period_end,
        periods.is_complete_period,
        current_values.value,
        prior_values.value as prior_value,
        current_values.value - prior_values.value as delta,
        case
            when prior_values.value <> 0
                then (current_values.value - prior_values.value)
                / abs(prior_values.value)
        end as growth_rate,
        current_values.population,
        directions.desired_direction
    from indicator_values as current_values
    inner join periods
        on current_values.period_start = periods.period_start
    inner join directions
        on current_values.indicator_code = directions.indicator_code
        and current_values.basis = directions.basis
    left join indicator_values as prior_values
        on periods.has_prior
        and current_values.indicator_code = prior_values.indicator_code
        and current_values.basis = prior_values.basis
        and periods.prior_start = prior_values.period_start
)

select
    indicator_code,
    basis,
    period_label,
    period_start,
    period_end,
    is_complete_period,
    value,
    prior_value,
    delta,
    growth_rate,
    population::integer as population,
    case
        when basis = 'acceptance_correlation'
            then case
                when value is null then 'no_data'
                when value > 0 then 'healthy'
                when value = 0 then 'watch'
                else 'alert'
            end
        when value is null or prior_value is null then 'no_data'
        when desired_direction = 'up'
            then case
                when delta > 0 then 'healthy'
                when growth_rate is null
                    or growth_rate >= -getvariable('kam_health_tolerance')
                    - getvariable('kam_epsilon')
                    then 'watch'
                else 'alert'
            end
        when desired_direction = 'down'
            then case
                when delta < 0 then 'healthy'
                when growth_rate is null
                    or growth_rate <= getvariable('kam_health_tolerance')
                    + getvariable('kam_epsilon')
                    then 'watch'
                else 'alert'
            end
        when growth_rate is null
            then case when delta = 0 then 'healthy' else 'alert' end
        when abs(growth_rate) <= getvariable('kam_stability_tolerance')
            + getvariable('kam_epsilon')
            then 'healthy'
        when abs(growth_rate) <= 2 * getvariable('kam_stability_tolerance')
            + getvariable('kam_epsilon')
            then 'watch'
        else 'alert'
    end as status
from compared
order by indicator_code, basis, period_start;
