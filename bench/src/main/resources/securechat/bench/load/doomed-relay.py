"""A one-connection TCP relay that lab bench soak kills with SIGKILL in the middle of a handshake.

Usage: python3 doomed-relay.py HOST PORT

It listens on a free port of 127.0.0.1 and prints "listening PORT"; the soak connects a real client
of the stage to that port, and the relay connects to the server at HOST:PORT and copies bytes both
ways. After it has passed the client's first bytes to the server it prints "to-server N", and the
soak kills it: the kernel then closes both of its connections, as it does for any crashed program,
while the server is waiting for the rest of the handshake.
"""
import socket
import sys
import threading


def pump(source, sink, label):
    first = True
    while True:
        data = source.recv(65536)
        if not data:
            sink.shutdown(socket.SHUT_WR)
            return
        sink.sendall(data)
        if first and label:
            print(label, len(data), flush=True)
            first = False


def main():
    target = (sys.argv[1], int(sys.argv[2]))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    print("listening", listener.getsockname()[1], flush=True)
    client, _ = listener.accept()
    server = socket.create_connection(target)
    threading.Thread(target=pump, args=(server, client, None), daemon=True).start()
    pump(client, server, "to-server")


main()
