#include "CurlShim.h"

CURLcode cshim_easy_setopt_long(CURL *easy, CURLoption option, long value) {
    return curl_easy_setopt(easy, option, value);
}
CURLcode cshim_easy_setopt_off_t(CURL *easy, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(easy, option, value);
}
CURLcode cshim_easy_setopt_string(CURL *easy, CURLoption option, const char *value) {
    return curl_easy_setopt(easy, option, value);
}
CURLcode cshim_easy_setopt_ptr(CURL *easy, CURLoption option, void *value) {
    return curl_easy_setopt(easy, option, value);
}
CURLcode cshim_easy_setopt_slist(CURL *easy, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(easy, option, value);
}
CURLcode cshim_easy_setopt_write_cb(CURL *easy, CURLoption option, cshim_write_cb cb) {
    return curl_easy_setopt(easy, option, cb);
}
CURLcode cshim_easy_setopt_read_cb(CURL *easy, CURLoption option, cshim_read_cb cb) {
    return curl_easy_setopt(easy, option, cb);
}
CURLcode cshim_easy_setopt_xferinfo_cb(CURL *easy, cshim_xferinfo_cb cb) {
    return curl_easy_setopt(easy, CURLOPT_XFERINFOFUNCTION, cb);
}
CURLcode cshim_easy_setopt_debug_cb(CURL *easy, cshim_debug_cb cb) {
    return curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, cb);
}

CURLcode cshim_easy_getinfo_long(CURL *easy, CURLINFO info, long *out) {
    return curl_easy_getinfo(easy, info, out);
}
CURLcode cshim_easy_getinfo_double(CURL *easy, CURLINFO info, double *out) {
    return curl_easy_getinfo(easy, info, out);
}
CURLcode cshim_easy_getinfo_string(CURL *easy, CURLINFO info, const char **out) {
    return curl_easy_getinfo(easy, info, out);
}
CURLcode cshim_easy_getinfo_off_t(CURL *easy, CURLINFO info, curl_off_t *out) {
    return curl_easy_getinfo(easy, info, out);
}

CURLMcode cshim_multi_setopt_long(CURLM *multi, CURLMoption option, long value) {
    return curl_multi_setopt(multi, option, value);
}

int cshim_multi_info_read(CURLM *multi, cshim_multi_message *out) {
    int remaining = 0;
    CURLMsg *msg = curl_multi_info_read(multi, &remaining);
    if (!msg) return 0;
    out->easy = msg->easy_handle;
    out->done = msg->msg == CURLMSG_DONE;
    out->result = out->done ? msg->data.result : CURLE_OK;
    return 1;
}

const curl_version_info_data *cshim_version_info(void) {
    return curl_version_info(CURLVERSION_NOW);
}
