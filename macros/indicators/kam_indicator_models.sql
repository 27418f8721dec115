{#
    The indicator models that kam_indicators unions, one per indicator of
    INDICATORS.md; each returns indicator_code, basis, period_start, value
    and population. The catalog seed (indicator_catalog) names the same
    models, and a data test holds the two together.
#}
{% macro kam_indicator_models() %}
    {% do return([
        'ind_esp_1_1_average_output_per_key_account',
        'ind_esp_1_2_average_roi_of_key_accounts',
        'ind_esp_1_3_total_output_of_key_accounts',
        'ind_esp_2_1_average_output_per_rep',
        'ind_esp_2_2_average_rep_roi',
        'ind_esp_2_3_total_rep_output',
        'ind_esp_3_1_average_output_of_c_accounts',
        'ind_esp_3_2_average_roi_of_c_accounts',
        'ind_esp_3_3_total_output_of_c_accounts',
        'ind_esp_3_4_average_output_of_ab_accounts_holds',
        'ind_esp_3_5_average_roi_of_ab_accounts_holds',
        'ind_esp_4_1_total_potential_output',
        'ind_esp_4_2_captured_opportunity_amount',
        'ind_esp_4_3_incubated_opportunity_amount',
        'ind_esp_4_4_key_account_win_rate',
        'ind_tas_1_1_presales_cost_avoided',
        'ind_tas_2_1_win_rate',
        'ind_tas_2_2_average_close_cycle',
        'ind_tas_2_3_average_won_amount',
        'ind_tas_2_4_total_won_amount',
        'ind_mci_1_presales_roi',
        'ind_mci_2_presales_utilisation',
        'ind_mci_3_average_solution_acceptance',
        'ind_mci_4_average_presales_rating',
        'ind_mci_5_supported_win_rate',
        'ind_mci_6_delivery_success_rate',
    ]) %}
{% endmacro %}
