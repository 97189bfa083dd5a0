"""Median response times of the anonymous sign-in and registration forms, for a known account (root@gatehouse.test,
wrong password) against unknown addresses, and a taken address against new ones: an account must not be
recognisable by timing. Start the WAR with GATEHOUSE_REGISTRATION=open, GATEHOUSE_RATE_LIMIT_PER_MINUTE=0 and
GATEHOUSE_ADMIN_EMAIL=root@gatehouse.test, then:

    python3 bench/anonymous-timing.py http://localhost:8080 11
"""
import re, time, urllib.request, urllib.parse, http.cookiejar, statistics, sys

base = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 11

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None

def post(page, fields):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    html = opener.open(base + '/' + page).read().decode()
    view_state = re.search(r'name="jakarta.faces.ViewState"[^>]*value="([^"]+)"', html).group(1)
    data = dict(fields)
    data['jakarta.faces.ViewState'] = view_state
    nonce = re.search(r"PrimeFaces\.csp\.init\('([^']+)'\)", html)
    if nonce:
        data['primefaces.nonce'] = nonce.group(1)
    started = time.perf_counter()
    try:
        opener.open(base + '/' + page, urllib.parse.urlencode(data).encode()).read()
    except urllib.error.HTTPError as e:
        if e.code not in (302, 303):
            raise
    return (time.perf_counter() - started) * 1000

def login(email):
    return post('login', {'login': 'login', 'login:email': email, 'login:password': 'wrong-password-123',
                          'login:submit': ''})

def register(email):
    return post('register', {'form': 'form', 'form:email': email, 'form:password': 'registration-passphrase-77',
                             'form:confirmation': 'registration-passphrase-77', 'form:submit': ''})

for warm in range(3):
    login('warm@example.com'); register('warm%d@example.com' % warm)
known, unknown, taken, new = [], [], [], []
for i in range(rounds):
    known.append(login('root@gatehouse.test'))
    unknown.append(login('nobody-%d-%f@example.com' % (i, time.time())))
    taken.append(register('root@gatehouse.test'))
    new.append(register('new-%d-%f@example.com' % (i, time.time())))
m = lambda v: round(statistics.median(v))
print('login known %d ms / unknown %d ms; register taken %d ms / new %d ms (medians of %d)'
      % (m(known), m(unknown), m(taken), m(new), rounds))
