# datetime (naive dates, datetimes, timedeltas: arithmetic, reprs, strftime, isoformat) and timeit with callables
import datetime as dt
from datetime import date, datetime, timedelta
d = datetime(2024, 1, 2, 3, 4, 5, 6)
print(repr(d), d, repr(datetime(2024, 1, 2)), repr(datetime(2024, 1, 2, 3, 4, 5)), datetime(2024, 1, 2))
print(repr(timedelta(days=1, seconds=3600)), timedelta(days=1, hours=1), timedelta(hours=-1), repr(timedelta(0)), timedelta(0))
print(repr(date(2024, 3, 1)), date(2024, 3, 1) - date(2024, 2, 1), date(2023, 3, 1) - date(2023, 2, 1), date(2024, 2, 28) + timedelta(days=2))
print(timedelta(minutes=90).total_seconds(), timedelta(microseconds=1500), repr(timedelta(seconds=-1.5)), timedelta(weeks=2, milliseconds=3))
print(d.strftime('%Y-%m-%d %H:%M:%S %a %b %j %A %B %p %I %y %f %%'), d.isoformat(), d.date(), d.weekday(), d.isoweekday(), d.year, d.microsecond)
e = d + timedelta(days=400, hours=30, microseconds=999995)
print(e, repr(e), e - d, d - e, (e - d).days, (e - d).seconds, (e - d).microseconds, e > d, d == datetime(2024, 1, 2, 3, 4, 5, 6))
print(timedelta(hours=1) * 2.5, timedelta(hours=3) / timedelta(minutes=45), timedelta(hours=3) / 4, timedelta(hours=3) // timedelta(minutes=50), timedelta(hours=3) % timedelta(minutes=50))
print(abs(timedelta(hours=-2)), -timedelta(days=1, seconds=5), sorted([timedelta(3), timedelta(1), timedelta(2)]), timedelta(days=1) == timedelta(hours=24))
print(date(2000, 2, 29).toordinal(), date.fromordinal(730000), date(1999, 12, 31).weekday(), date.fromisoformat('2021-07-04'), datetime.fromisoformat('2021-07-04T10:20:30.500'))
print(datetime.fromisoformat('2021-07-04 10:20'), f"{d:%d/%m/%Y}", f"{date(2020, 5, 17)}", d.replace(year=2030, microsecond=0), date(2024, 12, 31).strftime('%j %w %u'))
print(type(datetime.now()) is datetime, isinstance(datetime.now(), date), type(date.today()).__name__, datetime.now() - datetime.now() < timedelta(seconds=1))
print(dt.datetime.min, dt.datetime.max, dt.date.min, dt.timedelta.max, dt.timedelta.resolution, dt.MINYEAR, dt.MAXYEAR)
for bad in [lambda: date(2023, 2, 29), lambda: date(2023, 13, 1), lambda: datetime(2023, 1, 1, 24), lambda: date(2023, 1, 1) < 3]:
    try:
        bad()
    except (ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)
t = datetime.fromtimestamp(86400 * 365.25 * 30)
print(t.year, abs(t.timestamp() - 86400 * 365.25 * 30) < 1e-6)
import timeit
import time
n = timeit.timeit(lambda: sum(range(10)), number=100)
print(type(n).__name__, n >= 0, len(timeit.repeat(lambda: None, repeat=3, number=10)), timeit.default_timer is time.perf_counter)
