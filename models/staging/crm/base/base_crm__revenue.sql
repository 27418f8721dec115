{{ kam_select_raw_table('revenue') }}
