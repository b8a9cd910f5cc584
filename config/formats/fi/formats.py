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

# What the admin accepts. The date picker writes WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT
# (15.01.2027 09:00, colon); an editor typing by hand writes the Finnish way (15.1.2027 9.00,
# full stop). Both are accepted, with or without seconds; strptime takes "1" for "%m" and "9"
# for "%H". Django appends the ISO formats (2027-01-15 09:00) to every list by itself.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%H:%M:%S", "%H.%M.%S"]
DATETIME_INPUT_FORMATS = (
    [f"{date} {time}" for date in DATE_INPUT_FORMATS for time in TIME_INPUT_FORMATS]
    + [f"%d.%m.%Y klo {time}" for time in TIME_INPUT_FORMATS]
    + DATE_INPUT_FORMATS
)
