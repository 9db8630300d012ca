# A real SMTP server for the tests (Debian's python3-aiosmtpd), driven by SmtpTestServer.cs.
# Each message is parsed by Python's own e-mail package and written as JSON to <folder>/mail; each login
# attempt (never its password) to <folder>/logins. Prints READY once listening; stops when stdin closes.
import argparse, asyncio, email, email.policy, json, os, ssl, sys
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult

args = argparse.ArgumentParser()
args.add_argument("--port", type=int, required=True)
args.add_argument("--folder", required=True)
args.add_argument("--user")
args.add_argument("--password")
args.add_argument("--cert", help="PEM certificate: offer STARTTLS and require it before anything else")
args.add_argument("--key")
options = args.parse_args()
counter = {"mail": 0, "logins": 0}


def write(kind, record):
    counter[kind] += 1
    tmp = os.path.join(options.folder, kind, f"{counter[kind]:05d}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(record, f, ensure_ascii=False)
    os.rename(tmp, tmp[:-4] + ".json")  # readers only ever see whole files


def text(value):
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else value


class CaseInsensitiveAuthSmtp(SMTP):
    # SASL mechanism names are case-insensitive and .NET's SmtpClient sends "AUTH login ...", but
    # aiosmtpd 1.4 looks the name up as written and answers 504; real relays accept either case.
    async def smtp_AUTH(self, arg):
        mechanism, _, rest = (arg or "").partition(" ")
        return await super().smtp_AUTH(f"{mechanism.upper()} {rest}".strip())


class TestController(Controller):
    def factory(self):
        return CaseInsensitiveAuthSmtp(self.handler, **self.SMTP_kwargs)


class Handler:
    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        part = msg.get_body(preferencelist=("plain",))
        write("mail", {"mailFrom": envelope.mail_from, "rcptTos": envelope.rcpt_tos, "subject": str(msg["subject"]),
                       "body": part.get_content(), "contentType": part.get_content_type(), "charset": part.get_content_charset(),
                       "transferEncoding": str(part["content-transfer-encoding"]), "messageId": str(msg["message-id"]),
                       "authenticated": bool(session.authenticated), "login": text(session.login_data),
                       "tls": session.ssl is not None})
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    login, password = text(auth_data.login), text(auth_data.password)
    ok = login == options.user and password == options.password
    write("logins", {"mechanism": mechanism, "login": login, "success": ok, "tls": session.ssl is not None})
    # handled=False: aiosmtpd then answers a refusal with 535 itself; its default (handled=True) sends nothing and the client hangs.
    return AuthResult(success=ok, handled=False, auth_data=auth_data)


for kind in ("mail", "logins"):
    os.makedirs(os.path.join(options.folder, kind), exist_ok=True)
kwargs = {}
if options.user:
    # Without TLS, AUTH must be allowed in the clear (aiosmtpd refuses it by default); loopback only.
    kwargs.update(authenticator=authenticator, auth_required=True, auth_require_tls=bool(options.cert))
if options.cert:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(options.cert, options.key)
    kwargs.update(tls_context=context, require_starttls=True)
controller = TestController(Handler(), hostname="127.0.0.1", port=options.port, **kwargs)
controller.start()
print("READY", flush=True)
sys.stdin.read()
controller.stop()
