"""The school's Local Offer: services directory shaped on Open Referral UK."""
