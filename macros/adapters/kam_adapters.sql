{#
    The source adapters (models/adapters/<name>/): for each, the contract
    tables its models fill (adp_<name>__<table>), the export files it reads
    with the columns each must have, the column, if any, that marks a
    deleted record, and the strptime formats of the export's dates and
    timestamps (kam_date_text; Salesforce API timestamps are UTC, written
    +0000 or Z). A contract table not listed stays empty.
#}
{% macro kam_adapters() %}
    {% do return({
        'maven_crm': {
            'tables': ['accounts', 'opportunities', 'users'],
            'files': {
                'accounts.csv': ['account', 'sector', 'office_location'],
                'products.csv': ['product', 'sales_price'],
                'sales_pipeline.csv': [
                    'opportunity_id', 'sales_agent', 'product', 'account',
                    'deal_stage', 'engage_date', 'close_date', 'close_value',
                ],
                'sales_teams.csv': ['sales_agent'],
            },
            'deleted_flag': none,
            'date_formats': ['%m/%d/%Y'],
        },
        'salesforce': {
            'tables': ['accounts', 'leads', 'opportunities', 'users'],
            'files': {
                'Account.csv': [
                    'Id', 'IsDeleted', 'Name', 'Industry', 'BillingState',
                    'CreatedDate',
                ],
                'Lead.csv': [
                    'Id', 'IsDeleted', 'Status', 'IsConverted',
                    'ConvertedDate', 'ConvertedAccountId',
                    'ConvertedOpportunityId', 'CreatedDate',
                ],
                'Opportunity.csv': [
                    'Id', 'IsDeleted', 'AccountId', 'OwnerId', 'StageName',
                    'Amount', 'CloseDate', 'IsClosed', 'IsWon',
                    'CreatedDate',
                ],
            },
            'deleted_flag': 'IsDeleted',
            'date_formats': [
                '%Y-%m-%dT%H:%M:%S.%g+0000', '%Y-%m-%dT%H:%M:%S.%gZ',
                '%Y-%m-%dT%H:%M:%S+0000', '%Y-%m-%dT%H:%M:%SZ',
            ],
        },
    }) %}
{% endmacro %}
