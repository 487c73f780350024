"""The directory's search by PostgreSQL's own machinery (partners/search.py): unaccent, the SQL
functions that give a partner's text and a query the same words, the stored search columns, and
the table of the words of names that typos are looked up in, kept by triggers.

The SQL is frozen here as partners/search.py made it; tests/partners/test_search.py fails when
the lists there change without a migration that replaces these functions (and recomputes the
stored columns, `UPDATE partners_partner SET name = name`).
"""

import django.contrib.postgres.search
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations, models

FUNCTIONS = [
    r"""CREATE OR REPLACE FUNCTION partners_search_words(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT
AS $body$
DECLARE
    padded text;
    word text;
    found text[] := '{}';
BEGIN
    -- Joined before unaccent(), which writes some dashes as hyphens: "Türkiye—Turkey" is two words.
    padded := lower(unaccent('unaccent', regexp_replace(value, '([^\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f\u00a0-\u00bf\u00d7\u00f7\u02bc\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\ufe30-\ufe4f\uff01-\uff0f])[''\u2019\u02bc\u2010\u2011-]+(?=[^\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f\u00a0-\u00bf\u00d7\u00f7\u02bc\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\ufe30-\ufe4f\uff01-\uff0f])', '\1', 'g')));
    padded := ' ' || regexp_replace(padded, '[\u0001-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f\u00a0-\u00bf\u00d7\u00f7\u02bc\u2000-\u206f\u2e00-\u2e7f\u3000-\u303f\ufe30-\ufe4f\uff01-\uff0f]+', ' ', 'g') || ' ';
    padded := regexp_replace(padded, ' (author|capital|categor|central|civil|commercial|criminal|decentral|decriminal|democrat|digital|emphas|energ|external|familiar|final|formal|global|harmon|hospital|human|immun|industrial|institutional|internal|legal|legitim|local|marginal|maxim|memor|minim|mobil|modern|monopol|national|neutral|normal|operational|optim|organ|penal|popular|priorit|privat|rational|real|recogn|regular|sensit|special|stabil|standard|subsid|summar|synchron|urban|util|victim|visual|vocal)is', ' \1iz', 'g');
    padded := regexp_replace(padded, ' (anal|catal|paral)ys', ' \1yz', 'g');
    padded := regexp_replace(padded, ' (arb|ard|behavi|cand|clam|col|endeav|fav|ferv|flav|glam|harb|hon|hum|lab|neighb|od|parl|ranc|rig|rum|sav|splend|tum|val|vap|vig)or', ' \1our', 'g');
    padded := regexp_replace(padded, ' (calib|cent|centimet|fib|kilomet|lit|lust|meag|met|millimet|sab|spect|theat)er(s?)(?= )', ' \1re\2', 'g');
    padded := regexp_replace(padded, ' program(s?)(?= )', ' programme\1', 'g');
    padded := regexp_replace(padded, ' (defen|licen|offen|preten)se(s?)(?= )', ' \1ce\2', 'g');
    padded := regexp_replace(padded, ' (cancel|channel|counsel|dial|equal|fuel|jewel|label|level|marshal|model|pedal|quarrel|rival|signal|total|travel|tunnel)(ed|ing|er|ers)(?= )', ' \1l\2', 'g');
    FOREACH word IN ARRAY string_to_array(padded, ' ') LOOP
        CONTINUE WHEN word = '';
        found := found || CASE word
            WHEN 'aging' THEN 'ageing'
            WHEN 'agings' THEN 'ageings'
            WHEN 'aluminum' THEN 'aluminium'
            WHEN 'aluminums' THEN 'aluminiums'
            WHEN 'analog' THEN 'analogue'
            WHEN 'analogs' THEN 'analogues'
            WHEN 'anemia' THEN 'anaemia'
            WHEN 'anemias' THEN 'anaemias'
            WHEN 'britain' THEN 'united kingdom'
            WHEN 'burma' THEN 'myanmar'
            WHEN 'catalog' THEN 'catalogue'
            WHEN 'catalogs' THEN 'catalogues'
            WHEN 'dialog' THEN 'dialogue'
            WHEN 'dialogs' THEN 'dialogues'
            WHEN 'dprk' THEN 'democratic peoples republic of korea'
            WHEN 'drc' THEN 'democratic republic of the congo'
            WHEN 'enrollment' THEN 'enrolment'
            WHEN 'enrollments' THEN 'enrolments'
            WHEN 'fetus' THEN 'foetus'
            WHEN 'fetuss' THEN 'foetuss'
            WHEN 'fulfillment' THEN 'fulfilment'
            WHEN 'fulfillments' THEN 'fulfilments'
            WHEN 'gray' THEN 'grey'
            WHEN 'grays' THEN 'greys'
            WHEN 'holland' THEN 'netherlands'
            WHEN 'installment' THEN 'instalment'
            WHEN 'installments' THEN 'instalments'
            WHEN 'jewelry' THEN 'jewellery'
            WHEN 'jewelrys' THEN 'jewellerys'
            WHEN 'judgment' THEN 'judgement'
            WHEN 'judgments' THEN 'judgements'
            WHEN 'laos' THEN 'lao'
            WHEN 'maneuver' THEN 'manoeuvre'
            WHEN 'maneuvers' THEN 'manoeuvres'
            WHEN 'mold' THEN 'mould'
            WHEN 'molds' THEN 'moulds'
            WHEN 'pediatric' THEN 'paediatric'
            WHEN 'pediatrics' THEN 'paediatrics'
            WHEN 'plow' THEN 'plough'
            WHEN 'plows' THEN 'ploughs'
            WHEN 'practise' THEN 'practice'
            WHEN 'practises' THEN 'practices'
            WHEN 'russia' THEN 'russian federation'
            WHEN 'skeptic' THEN 'sceptic'
            WHEN 'skeptics' THEN 'sceptics'
            WHEN 'swaziland' THEN 'eswatini'
            WHEN 'syria' THEN 'syrian arab republic'
            WHEN 'turkey' THEN 'turkiye'
            WHEN 'uae' THEN 'united arab emirates'
            WHEN 'uk' THEN 'united kingdom'
            WHEN 'usa' THEN 'united states'
            WHEN 'vatican' THEN 'holy see'
            WHEN 'vietnam' THEN 'viet nam'
            ELSE word END;
    END LOOP;
    RETURN array_to_string(found, ' ');
END
$body$""",
    """CREATE OR REPLACE FUNCTION partners_search_expanded(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT
AS $body$
DECLARE
    padded text := ' ' || value || ' ';
BEGIN
    RETURN value
        || CASE WHEN (strpos(padded, ' cabo verde ') > 0 OR strpos(padded, ' cape verde ') > 0)
            THEN ' cabo verde cape verde' ELSE '' END
        || CASE WHEN (strpos(padded, ' cote divoire ') > 0 OR strpos(padded, ' ivory coast ') > 0)
            THEN ' cote divoire ivory coast' ELSE '' END
        || CASE WHEN (strpos(padded, ' czechia ') > 0 OR strpos(padded, ' czech republic ') > 0)
            THEN ' czechia czech republic' ELSE '' END
        || CASE WHEN (strpos(padded, ' democratic peoples republic of korea ') > 0 OR strpos(padded, ' north korea ') > 0)
            THEN ' democratic peoples republic of korea north korea' ELSE '' END
        || CASE WHEN (strpos(padded, ' democratic republic of the congo ') > 0 OR strpos(padded, ' dr congo ') > 0 OR strpos(padded, ' congo kinshasa ') > 0)
            THEN ' democratic republic of the congo dr congo congo kinshasa' ELSE '' END
        || CASE WHEN (strpos(padded, ' kyrgyzstan ') > 0 OR strpos(padded, ' kyrgyz republic ') > 0)
            THEN ' kyrgyzstan kyrgyz republic' ELSE '' END
        || CASE WHEN (strpos(padded, ' lao ') > 0 OR strpos(padded, ' lao pdr ') > 0)
            THEN ' lao lao pdr' ELSE '' END
        || CASE WHEN (strpos(padded, ' republic of korea ') > 0 OR strpos(padded, ' south korea ') > 0) AND NOT (strpos(padded, ' peoples republic of korea ') > 0 OR strpos(padded, ' people s republic of korea ') > 0)
            THEN ' republic of korea south korea' ELSE '' END
        || CASE WHEN (strpos(padded, ' slovakia ') > 0 OR strpos(padded, ' slovak republic ') > 0)
            THEN ' slovakia slovak republic' ELSE '' END
        || CASE WHEN (strpos(padded, ' timorleste ') > 0 OR strpos(padded, ' east timor ') > 0)
            THEN ' timorleste east timor' ELSE '' END
        || CASE WHEN (strpos(padded, ' united kingdom ') > 0 OR strpos(padded, ' u k ') > 0)
            THEN ' united kingdom u k' ELSE '' END
        || CASE WHEN (strpos(padded, ' united states ') > 0 OR strpos(padded, ' u s ') > 0 OR strpos(padded, ' u s a ') > 0)
            THEN ' united states u s u s a' ELSE '' END
        || CASE WHEN (strpos(padded, ' asean ') > 0 OR strpos(padded, ' association of southeast asian nations ') > 0)
            THEN ' asean association of southeast asian nations' ELSE '' END
        || CASE WHEN (strpos(padded, ' au ') > 0 OR strpos(padded, ' african union ') > 0)
            THEN ' au african union' ELSE '' END
        || CASE WHEN (strpos(padded, ' ecowas ') > 0 OR strpos(padded, ' economic community of west african states ') > 0)
            THEN ' ecowas economic community of west african states' ELSE '' END
        || CASE WHEN (strpos(padded, ' eu ') > 0 OR strpos(padded, ' european union ') > 0)
            THEN ' eu european union' ELSE '' END
        || CASE WHEN (strpos(padded, ' fao ') > 0 OR strpos(padded, ' food and agriculture organization ') > 0)
            THEN ' fao food and agriculture organization' ELSE '' END
        || CASE WHEN (strpos(padded, ' g20 ') > 0 OR strpos(padded, ' group of twenty ') > 0)
            THEN ' g20 group of twenty' ELSE '' END
        || CASE WHEN (strpos(padded, ' ilo ') > 0 OR strpos(padded, ' international labour organization ') > 0)
            THEN ' ilo international labour organization' ELSE '' END
        || CASE WHEN (strpos(padded, ' iom ') > 0 OR strpos(padded, ' international organization for migration ') > 0)
            THEN ' iom international organization for migration' ELSE '' END
        || CASE WHEN (strpos(padded, ' ioe ') > 0 OR strpos(padded, ' international organization of employers ') > 0)
            THEN ' ioe international organization of employers' ELSE '' END
        || CASE WHEN (strpos(padded, ' itf ') > 0 OR strpos(padded, ' international transport workers federation ') > 0)
            THEN ' itf international transport workers federation' ELSE '' END
        || CASE WHEN (strpos(padded, ' ituc ') > 0 OR strpos(padded, ' international trade union confederation ') > 0)
            THEN ' ituc international trade union confederation' ELSE '' END
        || CASE WHEN (strpos(padded, ' oecd ') > 0 OR strpos(padded, ' organization for economic cooperation and development ') > 0)
            THEN ' oecd organization for economic cooperation and development' ELSE '' END
        || CASE WHEN (strpos(padded, ' ohchr ') > 0 OR strpos(padded, ' office of the united nations high commissioner for human rights ') > 0 OR strpos(padded, ' office of the un high commissioner for human rights ') > 0)
            THEN ' ohchr office of the united nations high commissioner for human rights' ELSE '' END
        || CASE WHEN (strpos(padded, ' osce ') > 0 OR strpos(padded, ' organization for security and cooperation in europe ') > 0)
            THEN ' osce organization for security and cooperation in europe' ELSE '' END
        || CASE WHEN (strpos(padded, ' saarc ') > 0 OR strpos(padded, ' south asian association for regional cooperation ') > 0)
            THEN ' saarc south asian association for regional cooperation' ELSE '' END
        || CASE WHEN (strpos(padded, ' sadc ') > 0 OR strpos(padded, ' southern african development community ') > 0)
            THEN ' sadc southern african development community' ELSE '' END
        || CASE WHEN (strpos(padded, ' un ') > 0 OR strpos(padded, ' united nations ') > 0 OR strpos(padded, ' ohchr ') > 0 OR strpos(padded, ' undp ') > 0 OR strpos(padded, ' unesco ') > 0 OR strpos(padded, ' unfpa ') > 0 OR strpos(padded, ' unhcr ') > 0 OR strpos(padded, ' unicef ') > 0 OR strpos(padded, ' unodc ') > 0 OR strpos(padded, ' unu ') > 0)
            THEN ' un united nations' ELSE '' END
        || CASE WHEN (strpos(padded, ' undp ') > 0 OR strpos(padded, ' united nations development programme ') > 0 OR strpos(padded, ' un development programme ') > 0)
            THEN ' undp united nations development programme' ELSE '' END
        || CASE WHEN (strpos(padded, ' unesco ') > 0 OR strpos(padded, ' united nations educational scientific and cultural organization ') > 0 OR strpos(padded, ' un educational scientific and cultural organization ') > 0)
            THEN ' unesco united nations educational scientific and cultural organization' ELSE '' END
        || CASE WHEN (strpos(padded, ' unfpa ') > 0 OR strpos(padded, ' united nations population fund ') > 0 OR strpos(padded, ' un population fund ') > 0)
            THEN ' unfpa united nations population fund' ELSE '' END
        || CASE WHEN (strpos(padded, ' unhcr ') > 0 OR strpos(padded, ' united nations high commissioner for refugees ') > 0 OR strpos(padded, ' un high commissioner for refugees ') > 0)
            THEN ' unhcr united nations high commissioner for refugees' ELSE '' END
        || CASE WHEN (strpos(padded, ' unicef ') > 0 OR strpos(padded, ' united nations childrens fund ') > 0 OR strpos(padded, ' un childrens fund ') > 0)
            THEN ' unicef united nations childrens fund' ELSE '' END
        || CASE WHEN (strpos(padded, ' unodc ') > 0 OR strpos(padded, ' united nations office on drugs and crime ') > 0 OR strpos(padded, ' un office on drugs and crime ') > 0)
            THEN ' unodc united nations office on drugs and crime' ELSE '' END
        || CASE WHEN (strpos(padded, ' unu ') > 0 OR strpos(padded, ' united nations university ') > 0 OR strpos(padded, ' un university ') > 0)
            THEN ' unu united nations university' ELSE '' END
        || CASE WHEN (strpos(padded, ' usaid ') > 0 OR strpos(padded, ' united states agency for international development ') > 0)
            THEN ' usaid united states agency for international development' ELSE '' END
        || CASE WHEN (strpos(padded, ' wfp ') > 0 OR strpos(padded, ' world food programme ') > 0)
            THEN ' wfp world food programme' ELSE '' END
        || CASE WHEN (strpos(padded, ' who ') > 0 OR strpos(padded, ' world health organization ') > 0)
            THEN ' who world health organization' ELSE '' END;
END
$body$""",
    r"""CREATE OR REPLACE FUNCTION partners_search_readings(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT
AS $body$
BEGIN
    IF value !~ '[''\u2019\u02bc\u2010\u2011-]' THEN
        RETURN partners_search_words(value);
    END IF;
    RETURN partners_search_words(value)
        || ' ' || partners_search_words(regexp_replace(value, '[''\u2019\u02bc\u2010\u2011-]', ' ', 'g'));
END
$body$""",
    r"""CREATE OR REPLACE FUNCTION partners_search_document(value text) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT
AS $body$
BEGIN
    IF value !~ '[''\u2019\u02bc\u2010\u2011-]' THEN
        RETURN partners_search_expanded(partners_search_words(value));
    END IF;
    RETURN partners_search_expanded(partners_search_words(value))
        || ' ' || partners_search_expanded(partners_search_words(regexp_replace(value, '[''\u2019\u02bc\u2010\u2011-]', ' ', 'g')));
END
$body$""",
    """CREATE OR REPLACE FUNCTION partners_country_name(code text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE code
        WHEN 'AD' THEN 'Andorra'
        WHEN 'AE' THEN 'United Arab Emirates'
        WHEN 'AF' THEN 'Afghanistan'
        WHEN 'AG' THEN 'Antigua and Barbuda'
        WHEN 'AI' THEN 'Anguilla'
        WHEN 'AL' THEN 'Albania'
        WHEN 'AM' THEN 'Armenia'
        WHEN 'AO' THEN 'Angola'
        WHEN 'AQ' THEN 'Antarctica'
        WHEN 'AR' THEN 'Argentina'
        WHEN 'AS' THEN 'American Samoa'
        WHEN 'AT' THEN 'Austria'
        WHEN 'AU' THEN 'Australia'
        WHEN 'AW' THEN 'Aruba'
        WHEN 'AX' THEN 'Åland Islands'
        WHEN 'AZ' THEN 'Azerbaijan'
        WHEN 'BA' THEN 'Bosnia and Herzegovina'
        WHEN 'BB' THEN 'Barbados'
        WHEN 'BD' THEN 'Bangladesh'
        WHEN 'BE' THEN 'Belgium'
        WHEN 'BF' THEN 'Burkina Faso'
        WHEN 'BG' THEN 'Bulgaria'
        WHEN 'BH' THEN 'Bahrain'
        WHEN 'BI' THEN 'Burundi'
        WHEN 'BJ' THEN 'Benin'
        WHEN 'BL' THEN 'Saint Barthélemy'
        WHEN 'BM' THEN 'Bermuda'
        WHEN 'BN' THEN 'Brunei Darussalam'
        WHEN 'BO' THEN 'Bolivia (Plurinational State of)'
        WHEN 'BQ' THEN 'Bonaire, Sint Eustatius and Saba'
        WHEN 'BR' THEN 'Brazil'
        WHEN 'BS' THEN 'Bahamas'
        WHEN 'BT' THEN 'Bhutan'
        WHEN 'BV' THEN 'Bouvet Island'
        WHEN 'BW' THEN 'Botswana'
        WHEN 'BY' THEN 'Belarus'
        WHEN 'BZ' THEN 'Belize'
        WHEN 'CA' THEN 'Canada'
        WHEN 'CC' THEN 'Cocos (Keeling) Islands'
        WHEN 'CD' THEN 'Democratic Republic of the Congo'
        WHEN 'CF' THEN 'Central African Republic'
        WHEN 'CG' THEN 'Congo'
        WHEN 'CH' THEN 'Switzerland'
        WHEN 'CI' THEN 'Côte d''Ivoire'
        WHEN 'CK' THEN 'Cook Islands'
        WHEN 'CL' THEN 'Chile'
        WHEN 'CM' THEN 'Cameroon'
        WHEN 'CN' THEN 'China'
        WHEN 'CO' THEN 'Colombia'
        WHEN 'CR' THEN 'Costa Rica'
        WHEN 'CU' THEN 'Cuba'
        WHEN 'CV' THEN 'Cabo Verde'
        WHEN 'CW' THEN 'Curaçao'
        WHEN 'CX' THEN 'Christmas Island'
        WHEN 'CY' THEN 'Cyprus'
        WHEN 'CZ' THEN 'Czechia'
        WHEN 'DE' THEN 'Germany'
        WHEN 'DJ' THEN 'Djibouti'
        WHEN 'DK' THEN 'Denmark'
        WHEN 'DM' THEN 'Dominica'
        WHEN 'DO' THEN 'Dominican Republic'
        WHEN 'DZ' THEN 'Algeria'
        WHEN 'EC' THEN 'Ecuador'
        WHEN 'EE' THEN 'Estonia'
        WHEN 'EG' THEN 'Egypt'
        WHEN 'EH' THEN 'Western Sahara'
        WHEN 'ER' THEN 'Eritrea'
        WHEN 'ES' THEN 'Spain'
        WHEN 'ET' THEN 'Ethiopia'
        WHEN 'FI' THEN 'Finland'
        WHEN 'FJ' THEN 'Fiji'
        WHEN 'FK' THEN 'Falkland Islands (Malvinas)'
        WHEN 'FM' THEN 'Micronesia (Federated States of)'
        WHEN 'FO' THEN 'Faroe Islands'
        WHEN 'FR' THEN 'France'
        WHEN 'GA' THEN 'Gabon'
        WHEN 'GB' THEN 'United Kingdom of Great Britain and Northern Ireland'
        WHEN 'GD' THEN 'Grenada'
        WHEN 'GE' THEN 'Georgia'
        WHEN 'GF' THEN 'French Guiana'
        WHEN 'GG' THEN 'Guernsey'
        WHEN 'GH' THEN 'Ghana'
        WHEN 'GI' THEN 'Gibraltar'
        WHEN 'GL' THEN 'Greenland'
        WHEN 'GM' THEN 'Gambia'
        WHEN 'GN' THEN 'Guinea'
        WHEN 'GP' THEN 'Guadeloupe'
        WHEN 'GQ' THEN 'Equatorial Guinea'
        WHEN 'GR' THEN 'Greece'
        WHEN 'GS' THEN 'South Georgia'
        WHEN 'GT' THEN 'Guatemala'
        WHEN 'GU' THEN 'Guam'
        WHEN 'GW' THEN 'Guinea-Bissau'
        WHEN 'GY' THEN 'Guyana'
        WHEN 'HK' THEN 'Hong Kong'
        WHEN 'HM' THEN 'Heard Island and McDonald Islands'
        WHEN 'HN' THEN 'Honduras'
        WHEN 'HR' THEN 'Croatia'
        WHEN 'HT' THEN 'Haiti'
        WHEN 'HU' THEN 'Hungary'
        WHEN 'ID' THEN 'Indonesia'
        WHEN 'IE' THEN 'Ireland'
        WHEN 'IL' THEN 'Israel'
        WHEN 'IM' THEN 'Isle of Man'
        WHEN 'IN' THEN 'India'
        WHEN 'IO' THEN 'British Indian Ocean Territory'
        WHEN 'IQ' THEN 'Iraq'
        WHEN 'IR' THEN 'Iran (Islamic Republic of)'
        WHEN 'IS' THEN 'Iceland'
        WHEN 'IT' THEN 'Italy'
        WHEN 'JE' THEN 'Jersey'
        WHEN 'JM' THEN 'Jamaica'
        WHEN 'JO' THEN 'Jordan'
        WHEN 'JP' THEN 'Japan'
        WHEN 'KE' THEN 'Kenya'
        WHEN 'KG' THEN 'Kyrgyzstan'
        WHEN 'KH' THEN 'Cambodia'
        WHEN 'KI' THEN 'Kiribati'
        WHEN 'KM' THEN 'Comoros'
        WHEN 'KN' THEN 'Saint Kitts and Nevis'
        WHEN 'KP' THEN 'Democratic People''s Republic of Korea'
        WHEN 'KR' THEN 'Republic of Korea'
        WHEN 'KW' THEN 'Kuwait'
        WHEN 'KY' THEN 'Cayman Islands'
        WHEN 'KZ' THEN 'Kazakhstan'
        WHEN 'LA' THEN 'Lao People''s Democratic Republic'
        WHEN 'LB' THEN 'Lebanon'
        WHEN 'LC' THEN 'Saint Lucia'
        WHEN 'LI' THEN 'Liechtenstein'
        WHEN 'LK' THEN 'Sri Lanka'
        WHEN 'LR' THEN 'Liberia'
        WHEN 'LS' THEN 'Lesotho'
        WHEN 'LT' THEN 'Lithuania'
        WHEN 'LU' THEN 'Luxembourg'
        WHEN 'LV' THEN 'Latvia'
        WHEN 'LY' THEN 'Libya'
        WHEN 'MA' THEN 'Morocco'
        WHEN 'MC' THEN 'Monaco'
        WHEN 'MD' THEN 'Republic of Moldova'
        WHEN 'ME' THEN 'Montenegro'
        WHEN 'MF' THEN 'Saint Martin (French part)'
        WHEN 'MG' THEN 'Madagascar'
        WHEN 'MH' THEN 'Marshall Islands'
        WHEN 'MK' THEN 'North Macedonia'
        WHEN 'ML' THEN 'Mali'
        WHEN 'MM' THEN 'Myanmar'
        WHEN 'MN' THEN 'Mongolia'
        WHEN 'MO' THEN 'Macao'
        WHEN 'MP' THEN 'Northern Mariana Islands'
        WHEN 'MQ' THEN 'Martinique'
        WHEN 'MR' THEN 'Mauritania'
        WHEN 'MS' THEN 'Montserrat'
        WHEN 'MT' THEN 'Malta'
        WHEN 'MU' THEN 'Mauritius'
        WHEN 'MV' THEN 'Maldives'
        WHEN 'MW' THEN 'Malawi'
        WHEN 'MX' THEN 'Mexico'
        WHEN 'MY' THEN 'Malaysia'
        WHEN 'MZ' THEN 'Mozambique'
        WHEN 'NA' THEN 'Namibia'
        WHEN 'NC' THEN 'New Caledonia'
        WHEN 'NE' THEN 'Niger'
        WHEN 'NF' THEN 'Norfolk Island'
        WHEN 'NG' THEN 'Nigeria'
        WHEN 'NI' THEN 'Nicaragua'
        WHEN 'NL' THEN 'Netherlands (Kingdom of the)'
        WHEN 'NO' THEN 'Norway'
        WHEN 'NP' THEN 'Nepal'
        WHEN 'NR' THEN 'Naoero'
        WHEN 'NU' THEN 'Niue'
        WHEN 'NZ' THEN 'New Zealand'
        WHEN 'OM' THEN 'Oman'
        WHEN 'PA' THEN 'Panama'
        WHEN 'PE' THEN 'Peru'
        WHEN 'PF' THEN 'French Polynesia'
        WHEN 'PG' THEN 'Papua New Guinea'
        WHEN 'PH' THEN 'Philippines'
        WHEN 'PK' THEN 'Pakistan'
        WHEN 'PL' THEN 'Poland'
        WHEN 'PM' THEN 'Saint Pierre and Miquelon'
        WHEN 'PN' THEN 'Pitcairn'
        WHEN 'PR' THEN 'Puerto Rico'
        WHEN 'PS' THEN 'State of Palestine'
        WHEN 'PT' THEN 'Portugal'
        WHEN 'PW' THEN 'Palau'
        WHEN 'PY' THEN 'Paraguay'
        WHEN 'QA' THEN 'Qatar'
        WHEN 'RE' THEN 'Réunion'
        WHEN 'RO' THEN 'Romania'
        WHEN 'RS' THEN 'Serbia'
        WHEN 'RU' THEN 'Russian Federation'
        WHEN 'RW' THEN 'Rwanda'
        WHEN 'SA' THEN 'Saudi Arabia'
        WHEN 'SB' THEN 'Solomon Islands'
        WHEN 'SC' THEN 'Seychelles'
        WHEN 'SD' THEN 'Sudan'
        WHEN 'SE' THEN 'Sweden'
        WHEN 'SG' THEN 'Singapore'
        WHEN 'SH' THEN 'Saint Helena'
        WHEN 'SI' THEN 'Slovenia'
        WHEN 'SJ' THEN 'Svalbard and Jan Mayen'
        WHEN 'SK' THEN 'Slovakia'
        WHEN 'SL' THEN 'Sierra Leone'
        WHEN 'SM' THEN 'San Marino'
        WHEN 'SN' THEN 'Senegal'
        WHEN 'SO' THEN 'Somalia'
        WHEN 'SR' THEN 'Suriname'
        WHEN 'SS' THEN 'South Sudan'
        WHEN 'ST' THEN 'Sao Tome and Principe'
        WHEN 'SV' THEN 'El Salvador'
        WHEN 'SX' THEN 'Sint Maarten (Dutch part)'
        WHEN 'SY' THEN 'Syrian Arab Republic'
        WHEN 'SZ' THEN 'Eswatini'
        WHEN 'TC' THEN 'Turks and Caicos Islands'
        WHEN 'TD' THEN 'Chad'
        WHEN 'TF' THEN 'French Southern Territories'
        WHEN 'TG' THEN 'Togo'
        WHEN 'TH' THEN 'Thailand'
        WHEN 'TJ' THEN 'Tajikistan'
        WHEN 'TK' THEN 'Tokelau'
        WHEN 'TL' THEN 'Timor-Leste'
        WHEN 'TM' THEN 'Turkmenistan'
        WHEN 'TN' THEN 'Tunisia'
        WHEN 'TO' THEN 'Tonga'
        WHEN 'TR' THEN 'Türkiye'
        WHEN 'TT' THEN 'Trinidad and Tobago'
        WHEN 'TV' THEN 'Tuvalu'
        WHEN 'TW' THEN 'Taiwan'
        WHEN 'TZ' THEN 'United Republic of Tanzania'
        WHEN 'UA' THEN 'Ukraine'
        WHEN 'UG' THEN 'Uganda'
        WHEN 'UM' THEN 'United States Minor Outlying Islands'
        WHEN 'US' THEN 'United States of America'
        WHEN 'UY' THEN 'Uruguay'
        WHEN 'UZ' THEN 'Uzbekistan'
        WHEN 'VA' THEN 'Holy See'
        WHEN 'VC' THEN 'Saint Vincent and the Grenadines'
        WHEN 'VE' THEN 'Venezuela (Bolivarian Republic of)'
        WHEN 'VG' THEN 'Virgin Islands (British)'
        WHEN 'VI' THEN 'Virgin Islands (U.S.)'
        WHEN 'VN' THEN 'Viet Nam'
        WHEN 'VU' THEN 'Vanuatu'
        WHEN 'WF' THEN 'Wallis and Futuna'
        WHEN 'WS' THEN 'Samoa'
        WHEN 'YE' THEN 'Yemen'
        WHEN 'YT' THEN 'Mayotte'
        WHEN 'ZA' THEN 'South Africa'
        WHEN 'ZM' THEN 'Zambia'
        WHEN 'ZW' THEN 'Zimbabwe'
        ELSE '' END""",
    """CREATE OR REPLACE FUNCTION partners_search_one_slip(typed text, word text) RETURNS boolean LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT
AS $body$
DECLARE
    i integer := 1;
    a integer := length(typed);
    b integer := length(word);
BEGIN
    IF typed = word OR abs(a - b) > 1 THEN
        RETURN false;
    END IF;
    WHILE i <= a AND i <= b AND substr(typed, i, 1) = substr(word, i, 1) LOOP
        i := i + 1;
    END LOOP;
    IF a > b THEN
        RETURN substr(typed, i + 1) = substr(word, i);
    ELSIF a < b THEN
        RETURN substr(typed, i) = substr(word, i + 1);
    END IF;
    RETURN substr(typed, i + 1) = substr(word, i + 1)
        OR (substr(typed, i, 2) = reverse(substr(word, i, 2))
            AND substr(typed, i + 2) = substr(word, i + 2));
END
$body$""",
]

DROP_FUNCTIONS = [
    """DROP FUNCTION partners_search_one_slip""",
    """DROP FUNCTION partners_country_name""",
    """DROP FUNCTION partners_search_document""",
    """DROP FUNCTION partners_search_readings""",
    """DROP FUNCTION partners_search_expanded""",
    """DROP FUNCTION partners_search_words""",
]

WORD_TABLE = [
    """CREATE TABLE partners_search_word (
    word text PRIMARY KEY,
    partners integer NOT NULL
)""",
    """CREATE INDEX partners_search_word_trgm ON partners_search_word USING gin (word gin_trgm_ops)""",
    """CREATE INDEX partners_search_word_shape ON partners_search_word (left(word, 1), length(word))""",
    """CREATE FUNCTION partners_search_word_count() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
    emptied text[];
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM partners_search_word;
    ELSIF TG_OP = 'INSERT' THEN
        WITH delta (word, n) AS (SELECT word, count(*) FROM (
    SELECT DISTINCT rows.id, word
    FROM new_rows AS rows, unnest(string_to_array(rows.search_name, ' ')) AS word
    WHERE word ~ '[^0-9]'
) AS w GROUP BY word),
        changed AS (
            INSERT INTO partners_search_word AS kept (word, partners)
            SELECT word, n FROM delta ORDER BY word
            ON CONFLICT (word) DO UPDATE SET partners = kept.partners + excluded.partners
            RETURNING kept.word, kept.partners
        )
        SELECT array_agg(word) INTO emptied FROM changed WHERE partners <= 0;
        IF emptied IS NOT NULL THEN
            DELETE FROM partners_search_word WHERE word = ANY (emptied) AND partners <= 0;
        END IF;
    ELSIF TG_OP = 'DELETE' THEN
        WITH delta (word, n) AS (SELECT word, -count(*) FROM (
    SELECT DISTINCT rows.id, word
    FROM old_rows AS rows, unnest(string_to_array(rows.search_name, ' ')) AS word
    WHERE word ~ '[^0-9]'
) AS w GROUP BY word),
        changed AS (
            INSERT INTO partners_search_word AS kept (word, partners)
            SELECT word, n FROM delta ORDER BY word
            ON CONFLICT (word) DO UPDATE SET partners = kept.partners + excluded.partners
            RETURNING kept.word, kept.partners
        )
        SELECT array_agg(word) INTO emptied FROM changed WHERE partners <= 0;
        IF emptied IS NOT NULL THEN
            DELETE FROM partners_search_word WHERE word = ANY (emptied) AND partners <= 0;
        END IF;
    ELSE
        WITH delta (word, n) AS (SELECT word, sum(n) AS n FROM (
            SELECT word, 1 AS n FROM (
    SELECT DISTINCT rows.id, word
    FROM new_rows AS rows, unnest(string_to_array(rows.search_name, ' ')) AS word
    WHERE word ~ '[^0-9]'
) AS added
            UNION ALL
            SELECT word, -1 FROM (
    SELECT DISTINCT rows.id, word
    FROM old_rows AS rows, unnest(string_to_array(rows.search_name, ' ')) AS word
    WHERE word ~ '[^0-9]'
) AS gone
        ) AS changes GROUP BY word HAVING sum(n) <> 0),
        changed AS (
            INSERT INTO partners_search_word AS kept (word, partners)
            SELECT word, n FROM delta ORDER BY word
            ON CONFLICT (word) DO UPDATE SET partners = kept.partners + excluded.partners
            RETURNING kept.word, kept.partners
        )
        SELECT array_agg(word) INTO emptied FROM changed WHERE partners <= 0;
        IF emptied IS NOT NULL THEN
            DELETE FROM partners_search_word WHERE word = ANY (emptied) AND partners <= 0;
        END IF;
    END IF;
    RETURN NULL;
END
$body$""",
    """CREATE TRIGGER partners_search_word_insert AFTER INSERT ON partners_partner REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION partners_search_word_count()""",
    """CREATE TRIGGER partners_search_word_update AFTER UPDATE ON partners_partner REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION partners_search_word_count()""",
    """CREATE TRIGGER partners_search_word_delete AFTER DELETE ON partners_partner REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION partners_search_word_count()""",
    """CREATE TRIGGER partners_search_word_truncate AFTER TRUNCATE ON partners_partner FOR EACH STATEMENT EXECUTE FUNCTION partners_search_word_count()""",
]

WORD_TABLE_FILL = """
    INSERT INTO partners_search_word (word, partners)
    SELECT word, count(*) FROM (
    SELECT DISTINCT rows.id, word
    FROM partners_partner AS rows, unnest(string_to_array(rows.search_name, ' ')) AS word
    WHERE word ~ '[^0-9]'
) AS words
    GROUP BY word
"""

DROP_WORD_TABLE = [
    """DROP TRIGGER partners_search_word_truncate ON partners_partner""",
    """DROP TRIGGER partners_search_word_delete ON partners_partner""",
    """DROP TRIGGER partners_search_word_update ON partners_partner""",
    """DROP TRIGGER partners_search_word_insert ON partners_partner""",
    """DROP FUNCTION partners_search_word_count()""",
    """DROP TABLE partners_search_word""",
]


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0005_web_addresses_only"),
    ]

    operations = [
        UnaccentExtension(),
        migrations.RunSQL(FUNCTIONS, DROP_FUNCTIONS),
        # A generated column's expression cannot be altered: the vector is dropped and added anew.
        migrations.RemoveIndex(model_name="partner", name="partner_search_vector"),
        migrations.RemoveField(model_name="partner", name="search_vector"),
        migrations.AddField(
            model_name="partner",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.CombinedSearchVector(
                    django.contrib.postgres.search.CombinedSearchVector(
                        django.contrib.postgres.search.SearchVector(
                            models.Func(
                                "name",
                                "acronym",
                                arg_joiner=" || ' ' || ",
                                function="partners_search_document",
                                output_field=models.TextField(),
                            ),
                            config="english",
                            weight="A",
                        ),
                        "||",
                        django.contrib.postgres.search.SearchVector(
                            models.Func(
                                models.Func("country", function="partners_country_name"),
                                arg_joiner=" || ' ' || ",
                                function="partners_search_document",
                                output_field=models.TextField(),
                            ),
                            config="english",
                            weight="B",
                        ),
                        django.contrib.postgres.search.SearchConfig("english"),
                    ),
                    "||",
                    django.contrib.postgres.search.SearchVector(
                        models.Func(
                            "description",
                            arg_joiner=" || ' ' || ",
                            function="partners_search_document",
                            output_field=models.TextField(),
                        ),
                        config="english",
                        weight="C",
                    ),
                    django.contrib.postgres.search.SearchConfig("english"),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
                serialize=False,
            ),
        ),
        migrations.AddIndex(
            model_name="partner",
            index=GinIndex(fields=["search_vector"], name="partner_search_vector"),
        ),
        migrations.AddField(
            model_name="partner",
            name="search_name_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.contrib.postgres.search.SearchVector(
                    models.Func(
                        "name",
                        "acronym",
                        arg_joiner=" || ' ' || ",
                        function="partners_search_document",
                        output_field=models.TextField(),
                    ),
                    models.Func(
                        models.Func("country", function="partners_country_name"),
                        arg_joiner=" || ' ' || ",
                        function="partners_search_document",
                        output_field=models.TextField(),
                    ),
                    config="english",
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
                serialize=False,
            ),
        ),
        migrations.AddIndex(
            model_name="partner",
            index=GinIndex(fields=["search_name_vector"], name="partner_search_name_vector"),
        ),
        migrations.AddField(
            model_name="partner",
            name="search_name",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Func(
                    "name",
                    "acronym",
                    arg_joiner=" || ' ' || ",
                    function="partners_search_readings",
                    output_field=models.TextField(),
                ),
                output_field=models.TextField(),
                serialize=False,
            ),
        ),
        migrations.RunSQL([*WORD_TABLE, WORD_TABLE_FILL], DROP_WORD_TABLE),
    ]
