{#
    The potential-output weights of var kam_potential_weights, checked, as a
    dict of floats {relationship, solution, price}. Each weight is a number
    or a fraction written as text ("1/3"); they must be non-negative and sum
    to 1 (within 1e-9), else the compilation stops naming the values.
#}
{% macro kam_potential_weights() %}
    {% set weights = var('kam_potential_weights') %}
    {% set dimensions = ['relationship', 'solution', 'price'] %}
    {% set problem_prefix = 'var kam_potential_weights ' %}
    {% if weights is not mapping %}
        {% do exceptions.raise_compiler_error(
            problem_prefix ~ 'must map relationship, solution and price to '
            ~ 'weights; got ' ~ weights
        ) %}
    {% endif %}
    {% set missing = [] %}
    {% for dimension in dimensions %}
        {% if dimension not in weights or weights[dimension] is none %}
            {% do missing.append(dimension) %}
        {% endif %}
    {% endfor %}
    {% set unknown = [] %}
    {% for dimension in weights.keys() %}
        {% if dimension not in dimensions %}
            {% do unknown.append(dimension) %}
        {% endif %}
    {% endfor %}
    {% if missing or unknown %}
        {% do exceptions.raise_compiler_error(
            problem_prefix ~ 'needs exactly relationship, solution and price; '
            ~ 'missing: ' ~ (missing | join(', ') or 'none')
            ~ '; unknown: ' ~ (unknown | join(', ') or 'none')
            ~ ' (got ' ~ weights ~ ')'
        ) %}
    {% endif %}
    {% set parsed = {} %}
    {% for dimension in dimensions %}
        {% set text = weights[dimension] | string | trim %}
        {% set fraction = modules.re.match(
            '^([0-9]+(\\.[0-9]+)?)\\s*/\\s*([0-9]+(\\.[0-9]+)?)$', text
        ) %}
        {% if fraction and (fraction.group(3) | float) > 0 %}
            {% do parsed.update({dimension:
                (fraction.group(1) | float) / (fraction.group(3) | float)}) %}
        {% elif modules.re.match('^-?[0-9]+(\\.[0-9]+)?$', text) %}
            {% do parsed.update({dimension: text | float}) %}
        {% else %}
            {% do exceptions.raise_compiler_error(
                problem_prefix ~ dimension ~ " must be a number or a fraction "
                ~ "like 1/3; got '" ~ weights[dimension] ~ "'"
            ) %}
        {% endif %}
    {% endfor %}
    {% set negative = [] %}
    {% for dimension in dimensions %}
        {% if parsed[dimension] < 0 %}
            {% do negative.append(dimension ~ '=' ~ weights[dimension]) %}
        {% endif %}
    {% endfor %}
    {% if negative %}
        {% do exceptions.raise_compiler_error(
            problem_prefix ~ 'must not be negative: ' ~ (negative | join(', '))
            ~ ' (got ' ~ weights ~ ')'
        ) %}
    {% endif %}
    {% set total = parsed.relationship + parsed.solution + parsed.price %}
    {% if (total - 1) | abs > 1e-9 %}
        {% do exceptions.raise_compiler_error(
            problem_prefix ~ 'must sum to 1; relationship + solution + price = '
            ~ total ~ ' (got ' ~ weights ~ ')'
        ) %}
    {% endif %}
    {% do return(parsed) %}
{% endmacro %}
