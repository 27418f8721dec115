{{ kam_select_raw_table('working_calendar') }}
