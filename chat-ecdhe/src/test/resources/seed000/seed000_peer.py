#!/usr/bin/env python3
"""An independent seed 000 peer for securechat-lab's interop tests.

Written from docs (seed-protocols.md, "Seed 000"), not from the Java code, with Python's
`cryptography` package doing all of the cryptography:

    python3 seed000_peer.py server|client --framing raw|len32 --port N [--v1-reads]

It runs the handshake, prints `KEY-SHA256 <hex of sha256(K)>` and `READY`, then sends each line
of stdin as one Fernet token and prints each message it receives as `RECV <text>` (a token that
fails prints `BAD-TOKEN <reason>`). When stdin ends it half-closes its side; once the other side
has closed too, it prints `EOF` and exits. In server mode it binds 127.0.0.1 (port 0 allowed)
and prints `LISTENING <port>` first.

It also refuses our public key unless it is byte for byte what `cryptography` writes (215 bytes
of PEM), which is stricter than the original programs.

Raw framing: by default tokens are read robustly (try each prefix whose length is a multiple of
4 until one authenticates), a method unlike the Java reader's, so the two check each other.
With --v1-reads it reads as the original v1 does instead: one recv(1024) per token, decrypting
whatever arrived; a token of 1024 characters or more then fails (BAD-TOKEN).
"""

import argparse
import base64
import hashlib
import os
import socket
import struct
import sys
import threading

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PEM_BEGIN = b"-----BEGIN PUBLIC KEY-----\n"
PEM_END = b"-----END PUBLIC KEY-----\n"
PEM_BYTES = 215
SALT_BYTES = 16
INFO = b"HANDSHAKE_INFO"
MAX_TOKEN = 64 * 1024

print_lock = threading.Lock()


def say(*words):
    with print_lock:
        print(*words, flush=True)


def read_exact(stream, n):
    data = stream.read(n)
    if len(data) != n:
        raise SystemExit(f"peer closed after {len(data)} of {n} bytes")
    return data


def read_pem(stream):
    pem = b""
    while not pem.endswith(PEM_END):
        line = stream.readline(100)
        if not line:
            raise SystemExit("peer closed inside its public key")
        pem += line
    return pem


def public_pem(private_key):
    return private_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def load_peer_key(pem):
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp384r1":
        raise SystemExit("peer key is not P-384")
    canonical = key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    if pem != canonical or len(pem) != PEM_BYTES or not pem.startswith(PEM_BEGIN):
        raise SystemExit(f"peer PEM is not the canonical {PEM_BYTES} bytes: {pem!r}")
    return key


def derive(private_key, peer_key, salt):
    shared = private_key.exchange(ec.ECDH(), peer_key)
    assert len(shared) == 48
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=INFO).derive(shared)
    say("KEY-SHA256", hashlib.sha256(key).hexdigest())
    return Fernet(base64.urlsafe_b64encode(key))


def handshake_client(sock, stream):
    ours = ec.generate_private_key(ec.SECP384R1())
    sock.sendall(public_pem(ours))
    server_key = load_peer_key(read_pem(stream))
    sock.sendall(b"ACK")
    salt = read_exact(stream, SALT_BYTES)
    return derive(ours, server_key, salt)


def handshake_server(sock, stream):
    client_key = load_peer_key(read_pem(stream))
    ours = ec.generate_private_key(ec.SECP384R1())
    sock.sendall(public_pem(ours))
    ack = read_exact(stream, 3)
    if ack != b"ACK":
        raise SystemExit(f"expected ACK, got {ack!r}")
    salt = os.urandom(SALT_BYTES)
    sock.sendall(salt)
    return derive(ours, client_key, salt)


def show(fernet, token):
    try:
        say("RECV", fernet.decrypt(token).decode("utf-8"))
    except (InvalidToken, UnicodeDecodeError) as e:
        say("BAD-TOKEN", type(e).__name__, len(token))


def receive_len32(stream, fernet):
    while True:
        prefix = stream.read(4)
        if not prefix:
            return
        (length,) = struct.unpack(">I", prefix)
        if length > MAX_TOKEN:
            raise SystemExit(f"length {length} over {MAX_TOKEN}")
        show(fernet, read_exact(stream, length))


def authentic_prefix(fernet, buffer):
    """Length of the first prefix of buffer that is an authentic token, or 0."""
    for end in range(100, len(buffer) + 1, 4):
        try:
            fernet.decrypt(buffer[:end])
            return end
        except InvalidToken:
            continue
    return 0


def receive_raw(stream, fernet):
    buffer = b""
    while True:
        chunk = stream.read1(4096)
        if not chunk:
            if buffer:
                show(fernet, buffer)
            return
        buffer += chunk
        while (end := authentic_prefix(fernet, buffer)) > 0:
            show(fernet, buffer[:end])
            buffer = buffer[end:]
        if len(buffer) > MAX_TOKEN:
            raise SystemExit("no authentic token in 64 KiB")


def receive_v1(stream, fernet):
    # One read of at most 1024 bytes per token, as the original's recv(1024); read1 also hands
    # out what the handshake's buffered reads took ahead.
    while True:
        data = stream.read1(1024)
        if not data:
            return
        show(fernet, data)


def send(sock, framing, fernet, text):
    token = fernet.encrypt(text.encode("utf-8"))
    if framing == "len32":
        sock.sendall(struct.pack(">I", len(token)) + token)
    else:
        sock.sendall(token)


def converse(sock, framing, fernet, stream, v1_reads):
    if framing == "len32":
        target, args = receive_len32, (stream, fernet)
    elif v1_reads:
        target, args = receive_v1, (stream, fernet)
    else:
        target, args = receive_raw, (stream, fernet)
    say("READY")  # before any RECV line, so that a test can wait for READY and then for RECV
    reader = threading.Thread(target=target, args=args, daemon=True)
    reader.start()
    for line in sys.stdin:
        send(sock, framing, fernet, line.rstrip("\n"))
    sock.shutdown(socket.SHUT_WR)
    reader.join()
    say("EOF")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("role", choices=["server", "client"])
    parser.add_argument("--framing", choices=["raw", "len32"], required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--v1-reads", action="store_true")
    args = parser.parse_args()
    sys.stdin.reconfigure(encoding="utf-8")
    sys.stdout.reconfigure(encoding="utf-8")

    if args.role == "server":
        listener = socket.create_server(("127.0.0.1", args.port))
        say("LISTENING", listener.getsockname()[1])
        sock, _ = listener.accept()
        listener.close()
    else:
        sock = socket.create_connection(("127.0.0.1", args.port), timeout=10)
    sock.settimeout(30)
    # No read-ahead problem: the handshake is lock-step, and the same buffered stream then
    # carries the tokens.
    stream = sock.makefile("rb")
    handshake = handshake_server if args.role == "server" else handshake_client
    fernet = handshake(sock, stream)
    converse(sock, args.framing, fernet, stream, args.v1_reads)
    sock.close()


if __name__ == "__main__":
    main()
