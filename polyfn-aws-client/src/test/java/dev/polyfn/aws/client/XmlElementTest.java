package dev.polyfn.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The small XML reader of SNS's answers, on the shapes SNS writes and the ones it must refuse. */
class XmlElementTest {

	private static XmlElement parse(String xml) {
		return XmlElement.parse(xml.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void reads_a_publish_answer_with_its_prolog_namespace_and_whitespace() {
		XmlElement root = parse("<?xml version=\"1.0\"?>\n<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n"
				+ "  <PublishResult>\n    <MessageId>94f20ce6-13c5</MessageId>\n  </PublishResult>\n</PublishResponse>\n");

		assertThat(root.name() + " " + root.child("PublishResult").childText("MessageId")).isEqualTo("PublishResponse 94f20ce6-13c5");
	}

	@Test
	void decodes_the_five_entities_and_character_references() {
		assertThat(parse("<a>&lt;&gt;&amp;&quot;&apos; &#233;&#x1F600;</a>").text()).isEqualTo("<>&\"' \u00e9\ud83d\ude00");
	}

	@Test
	void an_empty_element_has_no_text_and_no_children() {
		XmlElement failed = parse("<r><Failed/><Successful><member><Id>m0</Id></member></Successful></r>").child("Failed");

		assertThat(failed.text() + failed.children().size()).isEqualTo("0");
	}

	@Test
	void keeps_the_members_of_a_list_in_order() {
		XmlElement list = parse("<Successful><member><Id>m0</Id></member><!-- x --><member><Id>m1</Id></member></Successful>");

		assertThat(list.children("member")).extracting(m -> m.childText("Id")).containsExactly("m0", "m1");
	}

	@Test
	void takes_cdata_as_text() {
		assertThat(parse("<Message><![CDATA[a <b> & c]]></Message>").text()).isEqualTo("a <b> & c");
	}

	@Test
	void drops_a_namespace_prefix_from_names() {
		assertThat(parse("<sns:Error xmlns:sns=\"urn:x\"><sns:Code>NotFound</sns:Code></sns:Error>").childText("Code")).isEqualTo("NotFound");
	}

	@Test
	void finds_an_element_at_any_depth() {
		assertThat(parse("<ErrorResponse><Error><Code>Throttling</Code></Error></ErrorResponse>").find("Code").text()).isEqualTo("Throttling");
	}

	@Test
	void refuses_a_doctype_so_no_entity_is_ever_declared() {
		assertThat(parse("<!DOCTYPE a [<!ENTITY x \"boom\">]><a>&x;</a>")).isNull();
	}

	@Test
	void what_is_not_xml_is_null() {
		assertThat(parse("Bad Gateway")).isNull();
		assertThat(parse("<a><b></a>")).isNull();
		assertThat(parse("")).isNull();
	}
}
