#pragma once
// Typed, non-variadic entry points into libcurl for Swift.
//
// curl_easy_setopt, curl_easy_getinfo and curl_multi_setopt are C variadic functions,
// which Swift cannot call; each wrapper below fixes the argument type of one family of
// options. The caller picks the wrapper that matches the option's documented type
// (CURLOPTTYPE_LONG → _long, CURLOPTTYPE_OFF_T → _off_t, and so on); libcurl checks
// nothing at run time, so a mismatch is undefined behaviour, exactly as in C.
#include <curl/curl.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// CURLOPT_WRITEFUNCTION and CURLOPT_HEADERFUNCTION (same shape as fwrite).
typedef size_t (*cshim_write_cb)(char *_Nonnull data, size_t size, size_t nmemb, void *_Nullable userdata);
/// CURLOPT_READFUNCTION (same shape as fread).
typedef size_t (*cshim_read_cb)(char *_Nonnull buffer, size_t size, size_t nitems, void *_Nullable userdata);
/// CURLOPT_XFERINFOFUNCTION; returning non-zero aborts the transfer.
typedef int (*cshim_xferinfo_cb)(void *_Nullable clientp, curl_off_t dltotal, curl_off_t dlnow,
                                 curl_off_t ultotal, curl_off_t ulnow);
/// CURLOPT_DEBUGFUNCTION (called only with CURLOPT_VERBOSE=1).
typedef int (*cshim_debug_cb)(CURL *_Nonnull handle, curl_infotype type, char *_Nonnull data,
                              size_t size, void *_Nullable userptr);

CURLcode cshim_easy_setopt_long(CURL *_Nonnull easy, CURLoption option, long value);
CURLcode cshim_easy_setopt_off_t(CURL *_Nonnull easy, CURLoption option, curl_off_t value);
/// libcurl copies string options (since 7.17), so the pointer need only live for the call.
CURLcode cshim_easy_setopt_string(CURL *_Nonnull easy, CURLoption option, const char *_Nullable value);
CURLcode cshim_easy_setopt_ptr(CURL *_Nonnull easy, CURLoption option, void *_Nullable value);
/// The list is NOT copied: it must outlive the transfer (or be replaced by NULL first).
CURLcode cshim_easy_setopt_slist(CURL *_Nonnull easy, CURLoption option, struct curl_slist *_Nullable value);
CURLcode cshim_easy_setopt_write_cb(CURL *_Nonnull easy, CURLoption option, cshim_write_cb _Nullable cb);
CURLcode cshim_easy_setopt_read_cb(CURL *_Nonnull easy, CURLoption option, cshim_read_cb _Nullable cb);
CURLcode cshim_easy_setopt_xferinfo_cb(CURL *_Nonnull easy, cshim_xferinfo_cb _Nullable cb);
CURLcode cshim_easy_setopt_debug_cb(CURL *_Nonnull easy, cshim_debug_cb _Nullable cb);

CURLcode cshim_easy_getinfo_long(CURL *_Nonnull easy, CURLINFO info, long *_Nonnull out);
CURLcode cshim_easy_getinfo_double(CURL *_Nonnull easy, CURLINFO info, double *_Nonnull out);
/// The string belongs to the handle; copy it before the handle is reset or reused.
CURLcode cshim_easy_getinfo_string(CURL *_Nonnull easy, CURLINFO info, const char *_Nullable *_Nonnull out);
CURLcode cshim_easy_getinfo_off_t(CURL *_Nonnull easy, CURLINFO info, curl_off_t *_Nonnull out);

CURLMcode cshim_multi_setopt_long(CURLM *_Nonnull multi, CURLMoption option, long value);

/// One CURLMsg, flattened (Swift cannot read the anonymous union inside CURLMsg).
typedef struct {
    CURL *_Nullable easy;
    CURLcode result;
    /// 1 when the message is CURLMSG_DONE; other messages carry no result.
    int done;
} cshim_multi_message;

/// Reads the next message from the multi handle; returns 0 when the queue is empty.
int cshim_multi_info_read(CURLM *_Nonnull multi, cshim_multi_message *_Nonnull out);

/// curl_version_info(CURLVERSION_NOW); Swift cannot see CURLVERSION_NOW (an alias macro).
const curl_version_info_data *_Nonnull cshim_version_info(void);

#ifdef __cplusplus
}
#endif
