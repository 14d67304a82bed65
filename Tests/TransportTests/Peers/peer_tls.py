"""A throwaway certificate for 127.0.0.1/localhost, made with the openssl command line tool.

The certificate is self-signed, so it is its own CA: clients verify it by loading the
printed CA file. Files go to a fresh temporary directory removed at exit.
"""
import atexit
import shutil
import ssl
import subprocess
import tempfile


def make_server_context():
    """Returns (ssl.SSLContext for a server, path of the CA file clients should trust)."""
    directory = tempfile.mkdtemp(prefix="kimbiseo-peer-tls-")
    atexit.register(shutil.rmtree, directory, True)
    cert, key = f"{directory}/cert.pem", f"{directory}/key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, cert
