{{ kam_select_raw_table('team_ratings') }}
