"""Makes loopback traffic for chat-loopback.pcapng: run while dumpcap captures on lo (README.md).

Two short TCP conversations in the plain chat's line format, one over IPv4 (port 7001) and one
over IPv6 (port 7002), with one UDP datagram (port 7003) between them, so that a frame which is
not TCP still takes a frame number.
"""

import socket
import threading
import time


def converse(family, host, port, lines):
    with socket.socket(family, socket.SOCK_STREAM) as server:
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((host, port))
        server.listen(1)
        replies = []

        def serve():
            conn, _ = server.accept()
            with conn:
                for _ in lines:
                    line = conn.recv(1024)
                    conn.sendall(b"OK " + line)

        thread = threading.Thread(target=serve)
        thread.start()
        with socket.socket(family, socket.SOCK_STREAM) as client:
            client.connect((host, port))
            for line in lines:
                client.sendall(line)
                replies.append(client.recv(1024))
                time.sleep(0.05)
        thread.join()
        return replies


converse(socket.AF_INET, "127.0.0.1", 7001, [b"HELLO alice\n", b"SAY hi bob\n"])
time.sleep(0.1)
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
    udp.sendto(b"not tcp\n", ("127.0.0.1", 7003))
time.sleep(0.1)
converse(socket.AF_INET6, "::1", 7002, [b"HELLO bob\n"])
time.sleep(0.2)
