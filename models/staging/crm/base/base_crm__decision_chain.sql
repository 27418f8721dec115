{{ kam_select_raw_table('decision_chain') }}
