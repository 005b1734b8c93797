package dev.polyfn.core.http.server;

/** The reason phrases of RFC 9110 (and 429 of RFC 6585), so no status line goes out without one. */
final class ReasonPhrases {

	private ReasonPhrases() {
	}

	static String of(int status) {
		return switch (status) {
			case 100 -> "Continue";
			case 200 -> "OK";
			case 201 -> "Created";
			case 202 -> "Accepted";
			case 204 -> "No Content";
			case 206 -> "Partial Content";
			case 301 -> "Moved Permanently";
			case 302 -> "Found";
			case 303 -> "See Other";
			case 304 -> "Not Modified";
			case 307 -> "Temporary Redirect";
			case 308 -> "Permanent Redirect";
			case 400 -> "Bad Request";
			case 401 -> "Unauthorized";
			case 403 -> "Forbidden";
			case 404 -> "Not Found";
			case 405 -> "Method Not Allowed";
			case 406 -> "Not Acceptable";
			case 408 -> "Request Timeout";
			case 409 -> "Conflict";
			case 410 -> "Gone";
			case 411 -> "Length Required";
			case 412 -> "Precondition Failed";
			case 413 -> "Content Too Large";
			case 414 -> "URI Too Long";
			case 415 -> "Unsupported Media Type";
			case 417 -> "Expectation Failed";
			case 422 -> "Unprocessable Content";
			case 429 -> "Too Many Requests";
			case 431 -> "Request Header Fields Too Large";
			case 500 -> "Internal Server Error";
			case 501 -> "Not Implemented";
			case 502 -> "Bad Gateway";
			case 503 -> "Service Unavailable";
			case 504 -> "Gateway Timeout";
			default -> status < 200 ? "Informational" : status < 300 ? "Success" : status < 400 ? "Redirection"
					: status < 500 ? "Client Error" : "Server Error";
		};
	}
}
