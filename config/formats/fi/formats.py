# Finnish as written on Lapland's public sites: 20.2.2017, 12.30, 432 760,50.
DATE_FORMAT = "j.n.Y"
SHORT_DATE_FORMAT = "j.n.Y"
DATETIME_FORMAT = "j.n.Y \\k\\l\\o G.i"
TIME_FORMAT = "G.i"
MONTH_DAY_FORMAT = "j. F\\t\\a"
YEAR_MONTH_FORMAT = "F Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
