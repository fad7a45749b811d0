import Foundation

/// CPython 3.11's `datetime` for naive dates and times: `timedelta`, `date`, `datetime` (`now`,
/// `today`, `fromtimestamp`, `fromisoformat`, `strftime`, `isoformat`, arithmetic, comparisons,
/// reprs); `time`, `timezone` and aware datetimes are not supported. And `timeit` for callables
/// (`timeit`, `repeat`, `default_timer`, `Timer`); statements given as strings need `exec`, which
/// Kindling does not support. Written in Python.
enum DatetimeModule {
    static func register(_ interpreter: Interpreter) {
        interpreter.registerSourceModule("datetime", source: source) { m in
            m.define("_localtime") { a in
                let t = try a[0].asDouble()
                var seconds = time_t(floor(t))
                var parts = tm()
                localtime_r(&seconds, &parts)
                let micro = Int(((t - floor(t)) * 1e6).rounded())
                return .object(PyTuple([Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday), Int(parts.tm_hour),
                                        Int(parts.tm_min), Int(parts.tm_sec), micro].map { .int($0) }))
            }
            m.define("_mktime") { a in
                var parts = tm()
                parts.tm_year = Int32(try a[0].asInt() - 1900); parts.tm_mon = Int32(try a[1].asInt() - 1)
                parts.tm_mday = Int32(try a[2].asInt()); parts.tm_hour = Int32(try a[3].asInt())
                parts.tm_min = Int32(try a[4].asInt()); parts.tm_sec = Int32(try a[5].asInt()); parts.tm_isdst = -1
                return .int(Int(mktime(&parts)))
            }
        }
        interpreter.registerSourceModule("timeit", source: timeitSource)
    }

    static let timeitSource = #"""
import time

default_timer = time.perf_counter


class Timer:
    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        for code in (stmt, setup):
            if isinstance(code, str) and code.strip() != "pass":
                raise NotImplementedError("timeit of a statement given as a string (it needs exec()) is not supported by Kindling; pass a callable")
        self.stmt = stmt if callable(stmt) else None
        self.setup = setup if callable(setup) else None
        self.timer = timer

    def timeit(self, number=1000000):
        if self.setup is not None:
            self.setup()
        stmt = self.stmt
        start = self.timer()
        if stmt is None:
            for _ in range(number):
                pass
        else:
            for _ in range(number):
                stmt()
        return self.timer() - start

    def repeat(self, repeat=5, number=1000000):
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=1000000, globals=None):
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=5, number=1000000, globals=None):
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
"""#

    static let source = #"""
import time as _time
from math import floor as _floor

MINYEAR = 1
MAXYEAR = 9999
_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_dbm = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_dbm)
    _dbm += _dim
_MONTHNAMES = [None, "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
_FULLMONTHNAMES = [None, "January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December"]
_DAYNAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
_FULLDAYNAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord2ymd(n):
    # The proleptic Gregorian calendar: 400-year cycles of 146097 days.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _check_int(name, value):
    if not isinstance(value, int) or isinstance(value, bool) and False:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value


def _check_date_fields(year, month, day):
    for v in (year, month, day):
        _check_int('', v)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError('year %d is out of range' % year)
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')


def _check_time_fields(hour, minute, second, microsecond):
    for v in (hour, minute, second, microsecond):
        _check_int('', v)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')


def _type_name(v):
    # CPython's C types print with their module: 'datetime.date'.
    if isinstance(v, (date, timedelta)) and type(v).__module__ == 'datetime':
        return 'datetime.' + type(v).__name__
    return type(v).__name__


def _cmperror(x, y, op):
    raise TypeError("'%s' not supported between instances of '%s' and '%s'" % (op, _type_name(x), _type_name(y)))


class timedelta:
    def __init__(self, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        # Kept as (days, seconds, microseconds) so that a billion days fits in 64-bit ints.
        d = days + weeks * 7
        s = seconds + minutes * 60 + hours * 3600
        us = microseconds + milliseconds * 1000
        if isinstance(d, float):
            whole = _floor(d)
            s += (d - whole) * 86400
            d = whole
        if isinstance(s, float):
            whole = _floor(s)
            us += (s - whole) * 1000000
            s = whole
        if isinstance(us, float):
            us = round(us)
        carry, us = divmod(us, 1000000)
        s += carry
        carry, s = divmod(s, 86400)
        d += carry
        if not -999999999 <= d <= 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % d)
        self._days = d
        self._seconds = s
        self._microseconds = us

    @classmethod
    def _from_us(cls, us):
        days, rest = divmod(us, 86400000000)
        return cls(days, 0, rest)

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def total_seconds(self):
        if -100000000 <= self._days <= 100000000:
            return self._us() / 10 ** 6
        return (self._days * 86400 + self._seconds) + self._microseconds / 10 ** 6

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        if not args:
            args.append('0')
        return "%s.%s(%s)" % (self.__class__.__module__, self.__class__.__qualname__, ', '.join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = ("%d day%s, " % (self._days, "s" if abs(self._days) != 1 else "")) + s
        if self._microseconds:
            s = s + ".%06d" % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(self._days + other._days, self._seconds + other._seconds,
                             self._microseconds + other._microseconds)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(self._days - other._days, self._seconds - other._seconds,
                             self._microseconds - other._microseconds)
        return NotImplemented

    def __neg__(self):
        return timedelta(-self._days, -self._seconds, -self._microseconds)

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_us(self._us() * other)
        if isinstance(other, float):
            return timedelta._from_us(round(self._us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._us() / other._us()
        if isinstance(other, (int, float)):
            return timedelta._from_us(round(self._us() / other))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._us() // other._us()
        if isinstance(other, int):
            return timedelta._from_us(self._us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_us(self._us() % other._us())
        return NotImplemented

    def __eq__(self, other):
        return isinstance(other, timedelta) and self._key() == other._key()

    def __lt__(self, other):
        if not isinstance(other, timedelta):
            _cmperror(self, other, '<')
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, timedelta):
            _cmperror(self, other, '<=')
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, timedelta):
            _cmperror(self, other, '>')
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, timedelta):
            _cmperror(self, other, '>=')
        return self._key() >= other._key()

    def __hash__(self):
        return hash(self._key())

    def __bool__(self):
        return self._key() != (0, 0, 0)


def _strftime(fmt, y, mo, d, hh, mi, ss, us, weekday, yday):
    out = []
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c != '%' or i + 1 == len(fmt):
            out.append(c)
            i += 1
            continue
        k = fmt[i + 1]
        i += 2
        if k == 'Y':
            out.append("%d" % y if y >= 1000 else "%d" % y)
        elif k == 'y':
            out.append("%02d" % (y % 100))
        elif k == 'm':
            out.append("%02d" % mo)
        elif k == 'd':
            out.append("%02d" % d)
        elif k == 'H':
            out.append("%02d" % hh)
        elif k == 'I':
            out.append("%02d" % (hh % 12 or 12))
        elif k == 'M':
            out.append("%02d" % mi)
        elif k == 'S':
            out.append("%02d" % ss)
        elif k == 'f':
            out.append("%06d" % us)
        elif k == 'p':
            out.append("AM" if hh < 12 else "PM")
        elif k == 'a':
            out.append(_DAYNAMES[weekday])
        elif k == 'A':
            out.append(_FULLDAYNAMES[weekday])
        elif k == 'b' or k == 'h':
            out.append(_MONTHNAMES[mo])
        elif k == 'B':
            out.append(_FULLMONTHNAMES[mo])
        elif k == 'j':
            out.append("%03d" % yday)
        elif k == 'w':
            out.append("%d" % ((weekday + 1) % 7))
        elif k == 'u':
            out.append("%d" % (weekday + 1))
        elif k == 'e':
            out.append("%2d" % d)
        elif k == 'D':
            out.append("%02d/%02d/%02d" % (mo, d, y % 100))
        elif k == 'F':
            out.append("%d-%02d-%02d" % (y, mo, d))
        elif k == 'T':
            out.append("%02d:%02d:%02d" % (hh, mi, ss))
        elif k == 'R':
            out.append("%02d:%02d" % (hh, mi))
        elif k == 'c':
            out.append("%s %s %2d %02d:%02d:%02d %d" % (_DAYNAMES[weekday], _MONTHNAMES[mo], d, hh, mi, ss, y))
        elif k == 'x':
            out.append("%02d/%02d/%02d" % (mo, d, y % 100))
        elif k == 'X':
            out.append("%02d:%02d:%02d" % (hh, mi, ss))
        elif k == 'z' or k == 'Z':
            pass
        elif k == '%':
            out.append('%')
        else:
            raise NotImplementedError("strftime directive %%%s is not supported by Kindling" % k)
    return ''.join(out)


class date:
    def __init__(self, year, month, day):
        _check_date_fields(year, month, day)
        self._year = year
        self._month = month
        self._day = day

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, hh, mm, ss, us = _localtime(t)
        return cls(y, m, d)

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            assert len(s) == 10 and s[4] == '-' and s[7] == '-'
            return cls(int(s[0:4]), int(s[5:7]), int(s[8:10]))
        except (AssertionError, ValueError):
            raise ValueError('Invalid isoformat string: %r' % (s,))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        return "%s.%s(%d, %d, %d)" % (self.__class__.__module__, self.__class__.__qualname__,
                                      self._year, self._month, self._day)

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, 0, 0, 0, 0, self.weekday(),
                         _days_before_month(self._year, self._month) + self._day)

    def __format__(self, fmt):
        return self.strftime(fmt) if fmt else str(self)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def timetuple(self):
        raise NotImplementedError("date.timetuple is not supported by Kindling")

    def _key(self):
        return (self._year, self._month, self._day)

    def __eq__(self, other):
        return type(other) is type(self) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __lt__(self, other):
        if type(other) is not type(self):
            _cmperror(self, other, '<')
        return self._key() < other._key()

    def __le__(self, other):
        if type(other) is not type(self):
            _cmperror(self, other, '<=')
        return self._key() <= other._key()

    def __gt__(self, other):
        if type(other) is not type(self):
            _cmperror(self, other, '>')
        return self._key() > other._key()

    def __ge__(self, other):
        if type(other) is not type(self):
            _cmperror(self, other, '>=')
        return self._key() >= other._key()

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= 3652059:
                return type(self).fromordinal(o)
            raise OverflowError("result out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if type(other) is type(self):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


class datetime(date):
    def __init__(self, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if tzinfo is not None:
            raise NotImplementedError("datetime with a tzinfo is not supported by Kindling")
        _check_date_fields(year, month, day)
        _check_time_fields(hour, minute, second, microsecond)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond

    @classmethod
    def now(cls, tz=None):
        if tz is not None:
            raise NotImplementedError("datetime.now with a time zone is not supported by Kindling")
        return cls.fromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        if tz is not None:
            raise NotImplementedError("datetime.fromtimestamp with a time zone is not supported by Kindling")
        y, m, d, hh, mm, ss, us = _localtime(t)
        if us >= 1000000:
            return cls(y, m, d, hh, mm, ss) + timedelta(microseconds=us)
        return cls(y, m, d, hh, mm, ss, us)

    @classmethod
    def combine(cls, d, t=None):
        if t is not None:
            raise NotImplementedError("datetime.time is not supported by Kindling")
        return cls(d.year, d.month, d.day)

    @classmethod
    def fromordinal(cls, n):
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            d = date.fromisoformat(s[:10])
            rest = s[11:]
            if len(s) > 10 and s[10] not in 'T ':
                raise ValueError
            hh = mm = ss = us = 0
            if rest:
                hh = int(rest[0:2])
                if len(rest) > 2:
                    assert rest[2] == ':'
                    mm = int(rest[3:5])
                if len(rest) > 5:
                    assert rest[5] == ':'
                    ss = int(rest[6:8])
                if len(rest) > 8:
                    assert rest[8] == '.'
                    frac = rest[9:]
                    assert frac.isdigit() and len(frac) in (3, 6)
                    us = int(frac) * (1000 if len(frac) == 3 else 1)
            return cls(d.year, d.month, d.day, hh, mm, ss, us)
        except (AssertionError, ValueError):
            raise ValueError('Invalid isoformat string: %r' % (s,))

    @classmethod
    def strptime(cls, date_string, format):
        raise NotImplementedError("datetime.strptime is not supported by Kindling")

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return None

    def date(self):
        return date(self._year, self._month, self._day)

    def timestamp(self):
        return _mktime(self._year, self._month, self._day, self._hour, self._minute, self._second) + self._microsecond / 1e6

    def isoformat(self, sep='T', timespec='auto'):
        s = "%04d-%02d-%02d%s%02d:%02d:%02d" % (self._year, self._month, self._day, sep, self._hour, self._minute,
                                                self._second)
        if timespec == 'auto':
            if self._microsecond:
                s += ".%06d" % self._microsecond
        elif timespec == 'milliseconds':
            s += ".%03d" % (self._microsecond // 1000)
        elif timespec == 'microseconds':
            s += ".%06d" % self._microsecond
        elif timespec == 'seconds':
            pass
        elif timespec == 'minutes':
            s = s[:-3]
        elif timespec == 'hours':
            s = s[:-6]
        else:
            raise ValueError('Unknown timespec value')
        return s

    def __str__(self):
        return self.isoformat(sep=' ')

    def __repr__(self):
        parts = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if parts[-1] == 0:
            del parts[-1]
            if parts[-1] == 0:
                del parts[-1]
        return "%s.%s(%s)" % (self.__class__.__module__, self.__class__.__qualname__, ", ".join(map(str, parts)))

    def strftime(self, fmt):
        return _strftime(fmt, self._year, self._month, self._day, self._hour, self._minute, self._second,
                         self._microsecond, self.weekday(), _days_before_month(self._year, self._month) + self._day)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day, self._hour if hour is None else hour,
                          self._minute if minute is None else minute, self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond)

    def _key(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)

    def _us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
                + self._microsecond)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._us() + other._us()
        days, rest = divmod(total, 86400000000)
        if not 0 < days <= 3652059:
            raise OverflowError("date value out of range")
        y, m, d = _ord2ymd(days)
        secs, us = divmod(rest, 1000000)
        hh, secs = divmod(secs, 3600)
        mm, ss = divmod(secs, 60)
        return type(self)(y, m, d, hh, mm, ss, us)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if isinstance(other, datetime):
            return timedelta._from_us(self._us() - other._us())
        return NotImplemented


min_date = None
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)
del min_date
"""#
}
