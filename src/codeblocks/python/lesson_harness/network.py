"""Says why a code block cannot reach a host, and gives `network` blocks a local web.

What keeps blocks in is the sandbox (src/codeblocks/sandbox.ts): its network
namespace has only loopback, whatever the block calls (`_socket`, UDP, curl).
This module only adds clear messages for the common paths through `socket`:
host names resolve only to this machine (localhost, and for `network` blocks
the example domains), and TCP connections to any address off this machine
fail with an error that says why, instead of "Name or service not known".

`network` blocks: example.com, example.org, example.net and their subdomains
resolve to a fixture server started here, in this process: plain HTTP for
every port but 443, HTTPS on 443 with a throwaway certificate that the test
runner made for these names. SSL_CERT_FILE points at its CA, so clients that
verify certificates (aiohttp, urllib) accept it and nothing else.
"""

import errno
import ipaddress
import os
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXTURE_DOMAINS = ("example.com", "example.org", "example.net")
_HTTPS_PORTS = {443, "443", "https"}
_real_getaddrinfo = socket.getaddrinfo
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex

_ALLOWED = "only localhost resolves, plus example.com, example.org and example.net for blocks with the `network` setting"


def fixture_page(host):
    """The page served for every path of `host`; fixed, so outputs that depend on it are checkable."""
    return (
        "<!doctype html>\n"
        f'<html lang="en">\n<head><meta charset="utf-8"><title>{host}</title></head>\n'
        f"<body><h1>{host}</h1><p>A stand-in for {host}, served by the lesson tests.</p></body>\n"
        "</html>\n"
    )


def _is_fixture_host(host):
    host = host.rstrip(".").lower()
    return any(host == domain or host.endswith("." + domain) for domain in FIXTURE_DOMAINS)


def _ip(host):
    try:
        return ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None


def _is_local(host):
    if host in (None, "", "localhost") or host.lower().endswith(".localhost"):
        return True
    address = _ip(host)
    return address is not None and (address.is_loopback or address.is_unspecified)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "LessonFixture/1"

    def _page(self):
        host = (self.headers.get("Host") or "example.com").rsplit(":", 1)[0]
        body = fixture_page(host).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return body

    def do_GET(self):
        self.wfile.write(self._page())

    def do_HEAD(self):
        self._page()

    def log_message(self, format, *args):
        # Request logs would land in the block's output.
        pass


class _Fixture:
    def __init__(self, cert_file, key_file):
        self.http = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.https = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        self.https.socket = context.wrap_socket(self.https.socket, server_side=True)
        for server in (self.http, self.https):
            server.daemon_threads = True
            threading.Thread(target=server.serve_forever, name="lesson-fixture-server", daemon=True).start()

    def port_for(self, port):
        return (self.https if port in _HTTPS_PORTS else self.http).server_address[1]


_fixture = None


def _name(host):
    return host.decode() if isinstance(host, bytes) else host


def _getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    name = _name(host)
    # The sandbox has only loopback, so AI_ADDRCONFIG (aiohttp asks for it)
    # would hide even 127.0.0.1.
    flags &= ~socket.AI_ADDRCONFIG
    if _is_local(name) or _ip(name) is not None:
        # No lookup leaves the machine for an address; connecting to one off
        # this machine is refused by _local_address.
        return _real_getaddrinfo(host, port, family, type, proto, flags)
    if _is_fixture_host(name):
        if _fixture is None:
            raise socket.gaierror(
                socket.EAI_NONAME,
                f"{name}: this block has no network access; add the `network` setting to its fence "
                f"to reach the local stand-in for {name}",
            )
        return _real_getaddrinfo("127.0.0.1", _fixture.port_for(port), socket.AF_INET, type, proto, flags)
    raise socket.gaierror(
        socket.EAI_NONAME, f"{name}: lesson code blocks never leave this machine; {_ALLOWED}"
    )


def _local_address(sock, address):
    """The address to connect to, refusing anything off this machine."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return address
    host, port = _name(address[0]), address[1]
    if _ip(host) is None:
        # A name: resolve it the way getaddrinfo would, so the same rules apply.
        return _getaddrinfo(host, port, sock.family, sock.type)[0][4]
    if not _is_local(host):
        raise OSError(errno.ENETUNREACH, f"connecting to {host} is blocked: lesson code blocks never leave this machine")
    return address


def _connect(self, address):
    return _real_connect(self, _local_address(self, address))


def _connect_ex(self, address):
    return _real_connect_ex(self, _local_address(self, address))


def install(network):
    """Guards sockets; with `network` ({caFile, certFile, keyFile}), starts the fixture server."""
    global _fixture
    socket.getaddrinfo = _getaddrinfo
    socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    if network:
        _fixture = _Fixture(network["certFile"], network["keyFile"])
        os.environ["SSL_CERT_FILE"] = network["caFile"]
        os.environ.pop("SSL_CERT_DIR", None)
