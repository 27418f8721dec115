{{ kam_select_raw_table('account_costs') }}
