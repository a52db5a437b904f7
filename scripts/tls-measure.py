#!/usr/bin/env python3
"""Bulk throughput of one chat connection over TLS 1.3, from an independent client.

Python's ssl module (OpenSSL) logs in to a running `lab server --stage tls` and sends
COUNT lines of SIZE bytes as fast as the connection takes them, while a thread reads the
server's echo (MSG NAME ...). Prints MB/s of chat text each way. Until `lab bench` exists
(issue 11), this is how the figure in the TLS issue's note was measured:

    ./lab server --stage tls --no-admin-console &
    python3 scripts/tls-measure.py --ca lab-data/pki/ca.pem --count 2000 --size 60000
"""
import argparse
import socket
import ssl
import threading
import time

WINDOW = 64


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=7002)
    parser.add_argument("--ca", required=True, help="the lab CA certificate (PEM)")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--size", type=int, default=60000, help="bytes per line, < 65536")
    parser.add_argument("--user", default="bulk")
    args = parser.parse_args()

    context = ssl.create_default_context(cafile=args.ca)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    with socket.create_connection((args.host, args.port)) as raw:
        with context.wrap_socket(raw, server_hostname=args.host) as tls:
            lines = tls.makefile("rwb", buffering=1 << 20)
            lines.readline()  # WELCOME
            lines.write(f"/register {args.user} password-of-{args.user}\n".encode())
            lines.flush()
            reply = lines.readline().decode()
            if reply.startswith("ERR name-taken"):
                lines.write(f"/login {args.user} password-of-{args.user}\n".encode())
                lines.flush()
                reply = lines.readline().decode()
            if not reply.startswith("OK"):
                raise SystemExit("login failed: " + reply.strip())
            measure(lines, args)


def measure(lines, args):
    payload = b"x" * args.size + b"\n"
    # At most WINDOW lines in flight: the server drops a client that stops reading its echoes
    # (BYE too slow), and Python's reader is slower than its writer.
    in_flight = threading.Semaphore(WINDOW)
    echoed = []

    def read_echoes():
        got = 0
        while got < args.count:
            line = lines.readline()
            if not line:
                raise SystemExit("the server closed the connection after %d echoes" % got)
            if line.startswith(b"MSG "):
                got += 1
                in_flight.release()
        echoed.append(time.perf_counter())

    reader = threading.Thread(target=read_echoes, daemon=True)
    start = time.perf_counter()
    reader.start()
    for _ in range(args.count):
        in_flight.acquire()
        lines.write(payload)
        lines.flush()
    reader.join()
    if not echoed:
        raise SystemExit("the server stopped echoing")
    seconds = echoed[0] - start
    megabytes = args.count * args.size / 1e6
    print(f"{args.count} lines of {args.size} bytes in {seconds:.2f} s: "
          f"{megabytes / seconds:.1f} MB/s sent and {megabytes / seconds:.1f} MB/s echoed back")


if __name__ == "__main__":
    main()
