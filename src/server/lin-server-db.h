/* lin-server-db.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LIN_SERVER_ERROR (lin_server_error_quark ())

typedef enum
{
  LIN_SERVER_ERROR_FAILED,
  LIN_SERVER_ERROR_INVALID,     /* the request is malformed: 400 */
  LIN_SERVER_ERROR_NOT_FOUND,   /* 404 */
  LIN_SERVER_ERROR_CODE,        /* an enrolment code unknown, used or expired: 403 */
  LIN_SERVER_ERROR_STATE,       /* not possible in this state: 409 */
  LIN_SERVER_ERROR_EXISTS,
} LinServerError;

/* Identifiers on the wire: 16 random bytes as 32 lower-case hex digits */
#define LIN_SERVER_ID_BYTES 16
#define LIN_SERVER_ID_HEX (LIN_SERVER_ID_BYTES * 2)

typedef struct
{
  char   *id;
  char   *org_id;
  char   *name;
  char   *role;          /* "coordinator" or "member" */
  char   *state;         /* "pending", "approved" or "revoked" */
  gint64  enrolled;      /* unix seconds */
  char   *sign_key;      /* base64, opaque */
  char   *box_key;
  char   *certificate;   /* base64, opaque; NULL until approved */
  char   *sealed_keys;
} LinServerDevice;

void lin_server_device_free (LinServerDevice *device);

typedef struct
{
  char     *id;
  char     *name;
  gboolean  founded;     /* its key was uploaded with the founding code */
  gint64    created;
} LinServerOrg;

void lin_server_org_free (LinServerOrg *org);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinServerDevice, lin_server_device_free)

typedef enum
{
  LIN_SERVER_OP_APPLIED,
  LIN_SERVER_OP_DUPLICATE,
  LIN_SERVER_OP_CONFLICT,
  LIN_SERVER_OP_REJECTED,
} LinServerOpStatus;

typedef struct
{
  /* in */
  guint8             op_id[LIN_SERVER_ID_BYTES];
  guint8             record_id[LIN_SERVER_ID_BYTES];
  gint64             base_revision;
  gint64             revision;
  GBytes            *envelope;
  /* out */
  LinServerOpStatus  status;
  gint64             seq;               /* applied, duplicate */
  gint64             current_revision;  /* conflict */
  const char        *reason;            /* rejected; static text */
} LinServerOp;

typedef struct
{
  gint64  seq;
  guint8  op_id[LIN_SERVER_ID_BYTES];
  guint8  record_id[LIN_SERVER_ID_BYTES];
  gint64  base_revision;
  gint64  revision;
  GBytes *envelope;
} LinServerChange;

void lin_server_change_free (LinServerChange *change);

#define LIN_TYPE_SERVER_DB (lin_server_db_get_type ())

G_DECLARE_FINAL_TYPE (LinServerDb, lin_server_db, LIN, SERVER_DB, GObject)

GQuark           lin_server_error_quark         (void);

LinServerDb     *lin_server_db_open             (const char         *path,
                                                 gboolean            create,
                                                 GError            **error);
gint64           lin_server_db_now              (void);

char            *lin_server_db_create_org       (LinServerDb        *self,
                                                 const char         *name,
                                                 gint64              expires,
                                                 char              **founding_code,
                                                 GError            **error);
char            *lin_server_db_create_invite    (LinServerDb        *self,
                                                 const char         *org_id,
                                                 gint64              expires,
                                                 GError            **error);
LinServerDevice *lin_server_db_enrol            (LinServerDb        *self,
                                                 const char         *code,
                                                 const char         *name,
                                                 const char         *sign_key,
                                                 const char         *box_key,
                                                 const char         *org_key,
                                                 char              **token,
                                                 GError            **error);
LinServerDevice *lin_server_db_authenticate     (LinServerDb        *self,
                                                 const char         *token);
GPtrArray       *lin_server_db_list_orgs        (LinServerDb        *self,
                                                 GError            **error);
char            *lin_server_db_get_org_key      (LinServerDb        *self,
                                                 const char         *org_id);
LinServerDevice *lin_server_db_get_device       (LinServerDb        *self,
                                                 const char         *device_id,
                                                 GError            **error);
GPtrArray       *lin_server_db_list_devices     (LinServerDb        *self,
                                                 const char         *org_id,
                                                 const char         *state,
                                                 GError            **error);
gboolean         lin_server_db_approve          (LinServerDb        *self,
                                                 const char         *org_id,
                                                 const char         *device_id,
                                                 const char         *certificate,
                                                 const char         *sealed_keys,
                                                 GError            **error);
gboolean         lin_server_db_revoke           (LinServerDb        *self,
                                                 const char         *org_id,
                                                 const char         *device_id,
                                                 GError            **error);
gboolean         lin_server_db_push             (LinServerDb        *self,
                                                 const char         *org_id,
                                                 const char         *collection,
                                                 const char         *device_id,
                                                 LinServerOp        *ops,
                                                 guint               n_ops,
                                                 GError            **error);
GPtrArray       *lin_server_db_pull             (LinServerDb        *self,
                                                 const char         *org_id,
                                                 const char         *collection,
                                                 gint64              since,
                                                 guint               limit,
                                                 gsize               max_bytes,
                                                 gboolean           *more,
                                                 GError            **error);


G_END_DECLS
