{{ kam_select_raw_table('fx_rates') }}
