{{ kam_select_raw_table('presales_costs') }}
