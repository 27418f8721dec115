{# The raw CRM contract (RAW_CONTRACT.md) as data: tables, key, columns. #}
{% macro kam_raw_contract() %}
    {#-
        Column types:
          id       text compared as trimmed text (leading zeros kept)
          text     free text
          currency ISO code, trimmed and upper-cased
          date     any date form the contract lists
          amount   any amount form the contract lists
          number   a plain decimal
          enum     a label mapped through the synonym seed (domain = enum)
        min/max bound a number or amount (inclusive); min_exclusive and
        max_exclusive make the bound strict.
    -#}
    {% set contract = {
        'accounts': {
            'key': ['account_id'],
            'columns': [
                {'name': 'account_id', 'type': 'id', 'required': true},
                {'name': 'account_name', 'type': 'text', 'required': true},
                {'name': 'industry', 'type': 'text', 'required': false},
                {'name': 'region', 'type': 'text', 'required': false},
                {'name': 'created_on', 'type': 'date', 'required': false},
            ],
        },
        'account_assessments': {
            'key': ['account_id', 'assessed_on'],
            'columns': [
                {'name': 'account_id', 'type': 'id', 'required': true},
                {'name': 'assessed_on', 'type': 'date', 'required': true},
                {'name': 'account_class', 'type': 'enum', 'required': true,
                 'enum': 'account_class'},
                {'name': 'expected_annual_spend', 'type': 'amount',
                 'required': true, 'min': 0},
                {'name': 'currency', 'type': 'currency', 'required': true},
                {'name': 'relationship_score', 'type': 'number',
                 'required': true, 'min': 0, 'max': 100},
                {'name': 'solution_score', 'type': 'number', 'required': true,
                 'min': 0, 'max': 100},
                {'name': 'price_score', 'type': 'number', 'required': true,
                 'min': 0, 'max': 100},
            ],
        },
        'users': {
            'key': ['user_id'],
            'columns': [
                {'name': 'user_id', 'type': 'id', 'required': true},
                {'name': 'user_name', 'type': 'text', 'required': true},
                {'name': 'role', 'type': 'enum', 'required': true,
                 'enum': 'user_role'},
                {'name': 'hired_on', 'type': 'date', 'required': true},
                {'name': 'left_on', 'type': 'date', 'required': false},
            ],
        },
        'account_owners': {
            'key': ['account_id', 'valid_from'],
            'columns': [
                {'name': 'account_id', 'type': 'id', 'required': true},
                {'name': 'user_id', 'type': 'id', 'required': true},
                {'name': 'valid_from', 'type': 'date', 'required': true},
                {'name': 'valid_to', 'type': 'date', 'required': false},
            ],
        },
        'revenue': {
            'key': ['revenue_id'],
            'columns': [
                {'name': 'revenue_id', 'type': 'id', 'required': true},
                {'name': 'account_id', 'type': 'id', 'required': true},
                {'name': 'booked_on', 'type': 'date', 'required': true},
                {'name': 'amount', 'type': 'amount', 'required': true},
                {'name': 'currency', 'type': 'currency', 'required': true},
            ],
        },
        'account_costs': {
            'key': ['cost_id'],
            'columns': [
                {'name': 'cost_id', 'type': 'id', 'required': true},
                {'name': 'account_id', 'type': 'id', 'required': true},
                {'name': 'incurred_on', 'type': 'date', 'required': true},
                {'name': 'cost_type', 'type': 'enum', 'required': true,
                 'enum': 'cost_type'},
                {'name': 'amount', 'type': 'amount', 'required': true},
                {'name': 'currency', 'type': 'currency', 'required': true},
            ],
        },
        'leads': {
            'key': ['lead_id'],
            'columns': [
                {'name': 'lead_id', 'type': 'id', 'required': true},
                {'name': 'account_id', 'type': 'id', 'required': false},
                {'name': 'created_on', 'type': 'date', 'required': true},
                {'name': 'status', 'type': 'enum', 'required': true,
                 'enum': 'lead_status'},
                {'name': 'closed_on', 'type': 'date', 'required': false},
                {'name': 'opportunity_id', 'type': 'id', 'required': false},
                {'name': 'estimated_presales_cost', 'type': 'amount',
                 'required': false, 'min': 0},
                {'name': 'currency', 'type': 'currency', 'required': false},
            ],
        },
        'opportunities': {
            'key': ['opportunity_id'],
            'columns': [
                {'name': 'opportunity_id', 'type': 'id', 'required': true},
                {'name': 'account_id', 'type': 'id', 'required': true},
                {'name': 'owner_id', 'type': 'id', 'required': true},
                {'name': 'origin', 'type': 'enum', 'required': true,
                 'enum': 'opportunity_origin'},
                {'name': 'created_on', 'type': 'date', 'required': true},
                {'name': 'approved_on', 'type': 'date', 'required': false},
                {'name': 'closed_on', 'type': 'date', 'required': false},
                {'name': 'outcome', 'type': 'enum', 'required': true,
                 'enum': 'opportunity_outcome'},
                {'name': 'amount', 'type': 'amount', 'required': true,
                 'min': 0},
                {'name': 'currency', 'type': 'currency', 'required': true},
                {'name': 'estimated_presales_cost', 'type': 'amount',
                 'required': false, 'min': 0},
            ],
        },
        'presales_costs': {
            'key': ['cost_id'],
            'columns': [
                {'name': 'cost_id', 'type': 'id', 'required': true},
                {'name': 'opportunity_id', 'type': 'id', 'required': true},
                {'name': 'incurred_on', 'type': 'date', 'required': true},
                {'name': 'amount', 'type': 'amount', 'required': true,
                 'min': 0},
                {'name': 'currency', 'type': 'currency', 'required': true},
            ],
        },
        'timesheets': {
            'key': ['entry_id'],
            'columns': [
                {'name': 'entry_id', 'type': 'id', 'required': true},
                {'name': 'user_id', 'type': 'id', 'required': true},
                {'name': 'opportunity_id', 'type': 'id', 'required': false},
                {'name': 'work_date', 'type': 'date', 'required': true},
                {'name': 'hours', 'type': 'number', 'required': true,
                 'min': 0, 'min_exclusive': true, 'max': 24},
                {'name': 'is_confirmed', 'type': 'enum', 'required': true,
                 'enum': 'boolean'},
            ],
        },
        'decision_chain': {
            'key': ['opportunity_id', 'contact_id', 'assessed_on'],
            'columns': [
                {'name': 'opportunity_id', 'type': 'id', 'required': true},
                {'name': 'contact_id', 'type': 'id', 'required': true},
                {'name': 'contact_name', 'type': 'text', 'required': false},
                {'name': 'role', 'type': 'text', 'required': false},
                {'name': 'influence_weight', 'type': 'number',
                 'required': true, 'min': 0, 'min_exclusive': true},
                {'name': 'assessed_on', 'type': 'date', 'required': true},
                {'name': 'relationship_score', 'type': 'number',
                 'required': true, 'min': 0, 'max': 100},
                {'name': 'solution_score', 'type': 'number', 'required': true,
                 'min': 0, 'max': 100},
                {'name': 'price_score', 'type': 'number', 'required': true,
                 'min': 0, 'max': 100},
            ],
        },
        'team_ratings': {
            'key': ['rating_id'],
            'columns': [
                {'name': 'rating_id', 'type': 'id', 'required': true},
                {'name': 'opportunity_id', 'type': 'id', 'required': true},
                {'name': 'rater_id', 'type': 'id', 'required': true},
                {'name': 'ratee_id', 'type': 'id', 'required': true},
                {'name': 'rated_on', 'type': 'date', 'required': true},
                {'name': 'score', 'type': 'number', 'required': true,
                 'min': 0, 'max': 100},
            ],
        },
        'deliveries': {
            'key': ['delivery_id'],
            'columns': [
                {'name': 'delivery_id', 'type': 'id', 'required': true},
                {'name': 'opportunity_id', 'type': 'id', 'required': true},
                {'name': 'contract_amount', 'type': 'amount',
                 'required': true, 'min': 0},
                {'name': 'currency', 'type': 'currency', 'required': true},
                {'name': 'status', 'type': 'enum', 'required': true,
                 'enum': 'delivery_status'},
                {'name': 'completed_on', 'type': 'date', 'required': false},
            ],
        },
        'fx_rates': {
            'key': ['currency', 'valid_from'],
            'columns': [
                {'name': 'currency', 'type': 'currency', 'required': true},
                {'name': 'valid_from', 'type': 'date', 'required': true},
                {'name': 'rate_to_reporting', 'type': 'number',
                 'required': true, 'min': 0, 'min_exclusive': true},
            ],
        },
        'working_calendar': {
            'key': ['calendar_date'],
            'columns': [
                {'name': 'calendar_date', 'type': 'date', 'required': true},
                {'name': 'is_workday', 'type': 'enum', 'required': true,
                 'enum': 'boolean'},
                {'name': 'statutory_hours', 'type': 'number',
                 'required': true, 'min': 0, 'max': 24},
            ],
        },
    } %}
    {% do return(contract) %}
{% endmacro %}
