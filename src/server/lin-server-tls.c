/* lin-server-tls.c
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server's TLS certificate, in its state folder. GTlsCertificate can
 * load a certificate but cannot make one, so the self-signed certificate
 * for trying the server out is made with GnuTLS, the library GLib's own
 * TLS backend (glib-networking) runs on: an ECDSA P-256 key and an X.509
 * v3 certificate for the names given, signed by that key. An
 * organisation's own certificate and key (say, from its certificate
 * authority) are checked by loading them, then copied in. The key file is
 * readable by its owner only.
 */

#define G_LOG_DOMAIN "lin-server-tls"

#include "config.h"

#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <sodium.h>
#include <string.h>

#include "lin-server-tls.h"

/* A certificate for trying the server out: two years */
#define SELF_SIGNED_DAYS 730

static gboolean
set_gnutls_error (GError     **error,
                  int          rc,
                  const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               "Could not make the TLS certificate (%s: %s)", what, gnutls_strerror (rc));
  return FALSE;
}

static int
add_name (gnutls_x509_crt_t  crt,
          const char        *name)
{
  g_autoptr(GInetAddress) address = g_inet_address_new_from_string (name);

  if (address != NULL)
    return gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_IPADDRESS,
                                                 g_inet_address_to_bytes (address),
                                                 g_inet_address_get_native_size (address),
                                                 GNUTLS_FSAN_APPEND);

  return gnutls_x509_crt_set_subject_alt_name (crt, GNUTLS_SAN_DNSNAME, name, strlen (name),
                                               GNUTLS_FSAN_APPEND);
}

static int
fill_certificate (gnutls_x509_crt_t    crt,
                  gnutls_x509_privkey_t key,
                  const char * const  *hostnames)
{
  static const char * const local[] = { "localhost", "127.0.0.1", "::1", NULL };
  const char *common_name = hostnames != NULL && hostnames[0] != NULL ? hostnames[0] : "localhost";
  guint8 serial[16];
  time_t now = time (NULL);
  int rc;

  randombytes_buf (serial, sizeof serial);
  serial[0] &= 0x7f;  /* a positive number */

  if ((rc = gnutls_x509_crt_set_version (crt, 3)) < 0 ||
      (rc = gnutls_x509_crt_set_serial (crt, serial, sizeof serial)) < 0 ||
      (rc = gnutls_x509_crt_set_activation_time (crt, now - 3600)) < 0 ||
      (rc = gnutls_x509_crt_set_expiration_time (crt, now + SELF_SIGNED_DAYS * 86400)) < 0 ||
      (rc = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                           common_name, strlen (common_name))) < 0 ||
      (rc = gnutls_x509_crt_set_key (crt, key)) < 0 ||
      (rc = gnutls_x509_crt_set_basic_constraints (crt, 0, -1)) < 0 ||
      (rc = gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE)) < 0 ||
      (rc = gnutls_x509_crt_set_key_purpose_oid (crt, GNUTLS_KP_TLS_WWW_SERVER, 0)) < 0)
    return rc;

  for (guint i = 0; hostnames != NULL && hostnames[i] != NULL; i++)
    if ((rc = add_name (crt, hostnames[i])) < 0)
      return rc;
  for (guint i = 0; local[i] != NULL; i++)
    if ((rc = add_name (crt, local[i])) < 0)
      return rc;

  return gnutls_x509_crt_sign2 (crt, crt, key, GNUTLS_DIG_SHA256, 0);
}

static gboolean
write_pem (const char      *dir,
           const char      *name,
           const guint8    *data,
           gsize            len,
           int              mode,
           GError         **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_set_contents_full (path, (const char *)data, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT, mode, error);
}

/**
 * lin_server_tls_make_self_signed:
 * @dir: the state folder
 * @hostnames: (nullable): names and addresses clients will use, besides
 *   localhost, 127.0.0.1 and ::1
 * @error: a location for a #GError
 *
 * Writes a new key and a self-signed certificate into @dir.
 *
 * Returns: %TRUE when both were written
 */
gboolean
lin_server_tls_make_self_signed (const char          *dir,
                                 const char * const  *hostnames,
                                 GError             **error)
{
  gnutls_x509_privkey_t key = NULL;
  gnutls_x509_crt_t crt = NULL;
  gnutls_datum_t cert_pem = { NULL, 0 };
  gnutls_datum_t key_pem = { NULL, 0 };
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (dir != NULL, FALSE);

  if ((rc = gnutls_x509_privkey_init (&key)) < 0 ||
      (rc = gnutls_x509_privkey_generate (key, GNUTLS_PK_ECDSA,
                                          GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_SECP256R1), 0)) < 0)
    set_gnutls_error (error, rc, "key");
  else if ((rc = gnutls_x509_crt_init (&crt)) < 0 ||
           (rc = fill_certificate (crt, key, hostnames)) < 0)
    set_gnutls_error (error, rc, "certificate");
  else if ((rc = gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &cert_pem)) < 0 ||
           (rc = gnutls_x509_privkey_export2_pkcs8 (key, GNUTLS_X509_FMT_PEM, NULL,
                                                    GNUTLS_PKCS_PLAIN, &key_pem)) < 0)
    set_gnutls_error (error, rc, "export");
  else
    ok = write_pem (dir, LIN_SERVER_KEY_FILE, key_pem.data, key_pem.size, 0600, error) &&
         write_pem (dir, LIN_SERVER_CERT_FILE, cert_pem.data, cert_pem.size, 0644, error);

  if (key_pem.data != NULL)
    {
      sodium_memzero (key_pem.data, key_pem.size);
      gnutls_free (key_pem.data);
    }
  gnutls_free (cert_pem.data);
  g_clear_pointer (&crt, gnutls_x509_crt_deinit);
  g_clear_pointer (&key, gnutls_x509_privkey_deinit);

  return ok;
}

/* GTlsCertificate loads a certificate and a key that do not belong
 * together; GnuTLS's credentials check that they do */
static gboolean
check_pair (const char  *cert_pem,
            const char  *key_pem,
            GError     **error)
{
  gnutls_certificate_credentials_t credentials = NULL;
  int rc;

  rc = gnutls_certificate_allocate_credentials (&credentials);
  if (rc >= 0)
    rc = gnutls_certificate_set_x509_key_file2 (credentials, cert_pem, key_pem,
                                                GNUTLS_X509_FMT_PEM, NULL, 0);
  g_clear_pointer (&credentials, gnutls_certificate_free_credentials);

  if (rc < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "The certificate and the key are not a pair (%s)", gnutls_strerror (rc));
      return FALSE;
    }

  return TRUE;
}

/**
 * lin_server_tls_install:
 * @dir: the state folder
 * @cert_pem: a PEM file: the certificate, then any intermediate ones
 * @key_pem: a PEM file: its private key, unencrypted
 * @error: a location for a #GError
 *
 * Copies the organisation's own certificate and key into @dir, once they
 * load and the key is the certificate's.
 *
 * Returns: %TRUE when both were copied
 */
gboolean
lin_server_tls_install (const char  *dir,
                        const char  *cert_pem,
                        const char  *key_pem,
                        GError     **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *cert_data = NULL;
  g_autofree char *key_data = NULL;
  gsize cert_len = 0;
  gsize key_len = 0;
  gboolean ok;

  g_return_val_if_fail (dir != NULL, FALSE);

  certificate = g_tls_certificate_new_from_files (cert_pem, key_pem, error);
  if (certificate == NULL || !check_pair (cert_pem, key_pem, error) ||
      !g_file_get_contents (cert_pem, &cert_data, &cert_len, error) ||
      !g_file_get_contents (key_pem, &key_data, &key_len, error))
    return FALSE;

  ok = write_pem (dir, LIN_SERVER_KEY_FILE, (const guint8 *)key_data, key_len, 0600, error) &&
       write_pem (dir, LIN_SERVER_CERT_FILE, (const guint8 *)cert_data, cert_len, 0644, error);
  sodium_memzero (key_data, key_len);

  return ok;
}

/**
 * lin_server_tls_load:
 * @dir: the state folder
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the server's certificate with its key, or %NULL
 */
GTlsCertificate *
lin_server_tls_load (const char  *dir,
                     GError     **error)
{
  g_autofree char *cert_path = g_build_filename (dir, LIN_SERVER_CERT_FILE, NULL);
  g_autofree char *key_path = g_build_filename (dir, LIN_SERVER_KEY_FILE, NULL);

  return g_tls_certificate_new_from_files (cert_path, key_path, error);
}

/**
 * lin_server_tls_fingerprint:
 * @certificate: a certificate
 *
 * Returns: (transfer full): the SHA-256 of its DER form, in hex: what a
 *   client pins when the certificate is self-signed
 */
char *
lin_server_tls_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
}
