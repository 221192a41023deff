"""Briefing packets: build (builder.build_packet), check (verify.verify_packet), read back (packet_reader, reimport)."""
