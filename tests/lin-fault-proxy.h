/* lin-fault-proxy.h
 *
 * Copyright 2026 The Linija developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  LIN_FAULT_NONE,
  LIN_FAULT_DROP_REQUEST,      /* close the client's connection without forwarding */
  LIN_FAULT_DROP_RESPONSE,     /* forward (upstream commits), then close without answering */
  LIN_FAULT_STATUS_500,        /* answer 500 without forwarding */
  LIN_FAULT_STATUS_503,        /* answer 503 (with Retry-After: 1) without forwarding */
  LIN_FAULT_STATUS_429,        /* answer 429 (with Retry-After: 1) without forwarding */
  LIN_FAULT_STATUS_500_AFTER,  /* forward (upstream commits), answer 500 */
  LIN_FAULT_TRUNCATE,          /* forward, answer upstream's status with the first part of its
                                * body and the Content-Length of the whole, then cut the connection */
  LIN_FAULT_DELAY,             /* wait 1–300 ms (seeded) before forwarding, then answer normally */
  LIN_FAULT_CUT_MID_BODY,      /* forward, send the headers and part of the body chunked, cut
                                * (for pull pages: a cut mid-page) */
  LIN_N_FAULTS
} LinFault;

typedef struct _LinFaultProxy LinFaultProxy;

LinFaultProxy *lin_fault_proxy_new             (const char      *upstream_url,
                                                GTlsCertificate *upstream_pinned,
                                                guint32          seed);
const char    *lin_fault_proxy_get_url         (LinFaultProxy   *self);
const char    *lin_fault_proxy_get_fingerprint (LinFaultProxy   *self);
void           lin_fault_proxy_set_rate        (LinFaultProxy   *self,
                                                double           rate);
void           lin_fault_proxy_force_next      (LinFaultProxy   *self,
                                                LinFault         fault);
void           lin_fault_proxy_delay_query     (LinFaultProxy   *self,
                                                const char      *query,
                                                guint            delay_ms);
void           lin_fault_proxy_answer_query    (LinFaultProxy   *self,
                                                const char      *query,
                                                const char      *json);
void           lin_fault_proxy_set_link        (LinFaultProxy   *self,
                                                guint64          bits_per_s,
                                                guint            rtt_ms);
GTlsCertificate *lin_fault_proxy_get_certificate (LinFaultProxy *self);
guint          lin_fault_proxy_get_count       (LinFaultProxy   *self,
                                                LinFault         fault);
guint          lin_fault_proxy_get_n_requests  (LinFaultProxy   *self);
GArray        *lin_fault_proxy_dup_faults      (LinFaultProxy   *self);
GBytes        *lin_fault_proxy_dup_traffic     (LinFaultProxy   *self);
const char    *lin_fault_name                  (LinFault         fault);
void           lin_fault_proxy_free            (LinFaultProxy   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinFaultProxy, lin_fault_proxy_free)

G_END_DECLS
