# English for a European audience: day before month, 24-hour clock.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3

# What the admin accepts. The date picker writes the same WAGTAIL_DATE_FORMAT /
# WAGTAIL_DATETIME_FORMAT (15.01.2027 09:00) in either admin language, so an English session
# accepts it too, besides the day-first forms an English-speaking European types
# (15/01/2027 09:00). Django appends the ISO formats by itself.
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d/%m/%Y", "%d.%m.%y", "%d/%m/%y"]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S", "%H.%M", "%H.%M.%S"]
DATETIME_INPUT_FORMATS = [
    f"{date} {time}" for date in DATE_INPUT_FORMATS for time in TIME_INPUT_FORMATS
] + DATE_INPUT_FORMATS
